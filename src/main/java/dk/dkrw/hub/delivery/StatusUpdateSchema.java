package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks status-update messages (and the Danish side's acks) against {@code schemas/dk-status-update-1.xsd} from
 * the class path. Parsing and validation are hardened: secure processing on, no DOCTYPE at all (so no entity
 * expansion), no external DTD or schema access (so an {@code xsi:schemaLocation} is never fetched). The JDK's
 * built-in parser and schema factory are used whatever else is on the class path, so the hardening properties
 * are known to apply.
 *
 * <p>Violations name the element path and the XSD rule ({@code cvc-pattern-valid}, ...), never the offending
 * value. Instances are thread-safe: the compiled {@link Schema} is shared, and each thread keeps its own validator
 * and document builder (making them per message cost about 5 % of a delivery's CPU); one that failed midway is
 * dropped rather than reused.
 */
public final class StatusUpdateSchema {

    static final String RESOURCE = "schemas/dk-status-update-1.xsd";
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    private static final Pattern RULE = Pattern.compile("^(cvc-[A-Za-z0-9.-]+):");
    /** Without a handler the JDK parser prints its messages, which can quote the input, to stderr. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // not a reason to refuse the document
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private final Schema schema;
    private final DocumentBuilderFactory documents;
    private final ThreadLocal<Validator> validators = ThreadLocal.withInitial(this::newValidator);
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(this::newBuilder);

    private StatusUpdateSchema(Schema schema) {
        this.schema = schema;
        this.documents = hardenedDocuments();
    }

    public static StatusUpdateSchema load() {
        URL resource = StatusUpdateSchema.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("schema not on class path: " + RESOURCE);
        }
        try (InputStream in = resource.openStream()) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return new StatusUpdateSchema(factory.newSchema(new StreamSource(in, resource.toExternalForm())));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("schema unusable: " + RESOURCE, e);
        }
    }

    /** Fails with {@link ProblemCode#VALIDATION_FAILED} and every violation when the XML is not valid. */
    public void validate(String xml) {
        parseValid(xml);
    }

    /** The parsed document, when it is well-formed and valid; else as {@link #validate}. */
    public Document parseValid(String xml) {
        Document document = parse(xml);
        List<Violation> violations = check(document);
        if (!violations.isEmpty()) {
            throw new HubException(ProblemCode.VALIDATION_FAILED,
                    "status update message violates the schema (" + violations.size() + ")", violations);
        }
        return document;
    }

    /** Every violation in the document (empty when valid). */
    public List<Violation> check(Document document) {
        Validator validator = validators.get();
        List<Violation> violations = new ArrayList<>();
        boolean reusable = false;
        try {
            validator.setErrorHandler(new Collector(validator, violations));
            validator.validate(new DOMSource(document));
            reusable = true;
        } catch (SAXException | IOException e) {
            violations.add(new Violation("", "document cannot be validated"));
        } finally {
            validator.setErrorHandler(null);
            if (!reusable) {
                validators.remove();
            }
        }
        return List.copyOf(violations);
    }

    Document parse(String xml) {
        DocumentBuilder builder = builders.get();
        try {
            builder.setErrorHandler(SILENT);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new HubException(ProblemCode.VALIDATION_FAILED, "status update message is not well-formed XML");
        } finally {
            builder.reset();
        }
    }

    private Validator newValidator() {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML validator cannot be hardened", e);
        }
        return validator;
    }

    private DocumentBuilder newBuilder() {
        try {
            return documents.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser unusable", e);
        }
    }

    private static DocumentBuilderFactory hardenedDocuments() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Collects every error; the path comes from the element the validator is on, the text from the rule key. */
    private record Collector(Validator validator, List<Violation> violations) implements ErrorHandler {

        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException exception) {
            violations.add(new Violation(path(), rule(exception)));
        }

        @Override
        public void fatalError(SAXParseException exception) {
            violations.add(new Violation(path(), rule(exception)));
        }

        private String path() {
            try {
                Object current = validator.getProperty(CURRENT_ELEMENT);
                return current instanceof Node node ? pathOf(node) : "";
            } catch (SAXException e) {
                return "";
            }
        }

        private static String pathOf(Node node) {
            StringBuilder path = new StringBuilder();
            for (Node at = node; at != null && at.getNodeType() == Node.ELEMENT_NODE; at = at.getParentNode()) {
                path.insert(0, "/" + at.getLocalName());
            }
            return path.toString();
        }

        private static String rule(SAXParseException exception) {
            String message = exception.getMessage();
            Matcher matcher = RULE.matcher(message == null ? "" : message);
            return matcher.find() ? matcher.group(1) : "schema violation";
        }
    }
}
