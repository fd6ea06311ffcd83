package dk.dkrw.hub.soap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one mapping between dk-dossier/1 JSON and its XML form (namespace {@value #NAMESPACE}, XSD
 * {@code schemas/dk-dossier-1.xsd}):
 *
 * <ul>
 *   <li>the document is the element {@code dossier}; every element is in {@value #NAMESPACE}; no attributes
 *       except {@code xsi:nil="true"} for a JSON {@code null};</li>
 *   <li>a JSON object is an element whose children are its members, each an element named as the member, in
 *       any order, each at most once;</li>
 *   <li>a JSON array is an element whose children are its items, each an element named {@code item}, in order
 *       ({@code <persons/>} is the empty array, an absent element an absent member);</li>
 *   <li>a string, number or boolean is an element whose text is the value exactly (a string keeps every
 *       character, {@code \r} travels as {@code &#13;}); the dk-dossier/1 JSON Schema, not the XML, says which
 *       of these a member is, so {@code <version>2</version>} is the integer 2 and {@code <dkCaseNo>2</dkCaseNo>}
 *       the string "2". Text that does not fit the schema's type stays a string, and schema validation then
 *       reports it at its JSON Pointer exactly as for REST.</li>
 * </ul>
 *
 * XML to JSON is what the hub runs on every SOAP submission; JSON to XML is for senders and tests. Every
 * dk-dossier/1 document the JSON Schema accepts round-trips to an equal JSON tree. What has no XML form
 * (member names that are not XML names, characters XML 1.0 forbids) is refused when mapping to XML.
 */
public final class DossierXmlMapper {

    public static final String NAMESPACE = "urn:dkrw-hub:dk-dossier:1";
    public static final String ROOT = "dossier";
    static final String ITEM = "item";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final int MAX_DEPTH = 64;

    private final DossierShape root = DossierShape.root();
    private final ObjectMapper numbers = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The JSON tree of a {@code dossier} element, or {@code malformed-body} when it is not the XML form. */
    public ObjectNode toJson(Element dossier) {
        if (!isDossierElement(dossier, ROOT)) {
            throw malformed("the body must hold one dossier element in " + NAMESPACE);
        }
        JsonNode json = read(dossier, root, 0);
        if (!json.isObject()) {
            throw malformed("the dossier element must have member elements");
        }
        return (ObjectNode) json;
    }

    private JsonNode read(Element element, DossierShape shape, int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("the dossier is nested more than " + MAX_DEPTH + " elements deep");
        }
        if (checkAttributes(element)) {
            if (!children(element).isEmpty() || !text(element).isEmpty()) {
                throw malformed("a nil element must be empty");
            }
            return nodes.nullNode();
        }
        List<Element> children = children(element);
        DossierShape.Kind kind = shape.kind();
        if (kind == DossierShape.Kind.ARRAY || (!children.isEmpty() && kind != DossierShape.Kind.OBJECT
                && children.stream().allMatch(child -> ITEM.equals(child.getLocalName())))) {
            requireNoText(element);
            ArrayNode array = nodes.arrayNode();
            for (Element child : children) {
                if (!ITEM.equals(child.getLocalName())) {
                    throw malformed("an array element may only contain item elements");
                }
                array.add(read(child, shape.items(), depth + 1));
            }
            return array;
        }
        if (!children.isEmpty() || (kind == DossierShape.Kind.OBJECT && text(element).isBlank())) {
            requireNoText(element);
            ObjectNode object = nodes.objectNode();
            for (Element child : children) {
                String name = child.getLocalName();
                if (object.has(name)) {
                    throw malformed("a member element appears twice in one object");
                }
                object.set(name, read(child, shape.property(name), depth + 1));
            }
            return object;
        }
        return scalar(text(element), kind);
    }

    private JsonNode scalar(String text, DossierShape.Kind kind) {
        if ((kind == DossierShape.Kind.INTEGER || kind == DossierShape.Kind.NUMBER)
                && JSON_NUMBER.matcher(text).matches()) {
            try {
                return numbers.readTree(text);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(text);
            }
        }
        if (kind == DossierShape.Kind.BOOLEAN && (text.equals("true") || text.equals("false"))) {
            return nodes.booleanNode(Boolean.parseBoolean(text));
        }
        return TextNode.valueOf(text);
    }

    /** Refuses foreign attributes; true when the element is {@code xsi:nil="true"}. */
    private static boolean checkAttributes(Element element) {
        boolean nil = false;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLNS.equals(attribute.getNamespaceURI())) {
                continue;
            }
            if (XSI.equals(attribute.getNamespaceURI()) && "nil".equals(attribute.getLocalName())) {
                nil = "true".equals(attribute.getValue()) || "1".equals(attribute.getValue());
                continue;
            }
            throw malformed("the XML form of a dossier has no attributes");
        }
        return nil;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            switch (node.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element child = (Element) node;
                    if (!isDossierElement(child, child.getLocalName())) {
                        throw malformed("every element of a dossier must be in " + NAMESPACE);
                    }
                    children.add(child);
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE, Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> {
                }
                default -> throw malformed("entity references and other markup are not allowed in a dossier");
            }
        }
        return children;
    }

    private static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }

    private static void requireNoText(Element element) {
        if (!text(element).isBlank()) {
            throw malformed("an object or array element has text beside its child elements");
        }
    }

    private static boolean isDossierElement(Element element, String localName) {
        return element != null && NAMESPACE.equals(element.getNamespaceURI()) && localName != null
                && localName.equals(element.getLocalName());
    }

    private static HubException malformed(String detail) {
        return new HubException(ProblemCode.MALFORMED_BODY, detail);
    }

    /** The XML form of a dossier (UTF-8 text of one {@code dossier} element, no XML declaration). */
    public String toXml(JsonNode dossier) {
        if (!dossier.isObject()) {
            throw new IllegalArgumentException("a dossier is a JSON object");
        }
        StringBuilder out = new StringBuilder(4096);
        out.append('<').append(ROOT).append(" xmlns=\"").append(NAMESPACE).append("\" xmlns:xsi=\"").append(XSI)
                .append("\">");
        writeContent(dossier, out);
        out.append("</").append(ROOT).append('>');
        return out.toString();
    }

    private static void write(String name, JsonNode value, StringBuilder out) {
        if (!XML_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a member name has no XML form");
        }
        if (value.isNull()) {
            out.append('<').append(name).append(" xsi:nil=\"true\"/>");
            return;
        }
        out.append('<').append(name).append('>');
        writeContent(value, out);
        out.append("</").append(name).append('>');
    }

    private static void writeContent(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                write(member.getKey(), member.getValue(), out);
            }
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                write(ITEM, item, out);
            }
        } else if (value.isTextual()) {
            escape(value.textValue(), out);
        } else {
            out.append(value.asText());
        }
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (!allowed) {
                        throw new IllegalArgumentException("a string holds a character XML 1.0 cannot carry");
                    }
                    out.appendCodePoint(c);
                }
            }
        }
    }
}
