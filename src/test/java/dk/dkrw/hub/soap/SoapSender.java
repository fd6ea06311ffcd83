package dk.dkrw.hub.soap;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.dossier.CanonicalJson;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.PartnerClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An agency's SOAP stack reduced to the bytes: builds submitDossier envelopes and reads the answers. */
final class SoapSender {

    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String CONTENT_TYPE = "application/soap+xml; charset=UTF-8";
    static final String PATH = "/ws/dossiers";

    private final PartnerClient client;
    private final DossierXmlMapper mapper = new DossierXmlMapper();

    SoapSender(PartnerClient client) {
        this.client = client;
    }

    /** The bytes the dossierSignature header signs: the RFC 8785 form of the JSON the XML maps to. */
    static byte[] signedBytes(byte[] dossierJson) {
        return CanonicalJson.bytes(Dossiers.read(dossierJson));
    }

    static String sign(String party, byte[] dossierJson) {
        return DevPki.signer(party).signBase64(signedBytes(dossierJson));
    }

    String dossierXml(byte[] dossierJson) {
        return mapper.toXml(Dossiers.read(dossierJson));
    }

    static String envelope(String dossierXml, String signature) {
        String header = signature == null ? "" : "<soap:Header><dd:dossierSignature xmlns:dd=\""
                + DossierXmlMapper.NAMESPACE + "\">" + signature + "</dd:dossierSignature></soap:Header>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP12 + "\">" + header
                + "<soap:Body><submitDossier xmlns=\"" + DossierXmlMapper.NAMESPACE + "\">" + dossierXml
                + "</submitDossier></soap:Body></soap:Envelope>";
    }

    Answer submit(byte[] dossierJson, String signature) {
        return post(envelope(dossierXml(dossierJson), signature));
    }

    Answer post(String envelope) {
        return post(envelope.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(byte[] envelope) {
        HttpResponse<byte[]> response = client.post(PATH, CONTENT_TYPE, envelope);
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /** One HTTP answer of the SOAP endpoint. */
    record Answer(int status, String text) {

        Document document() {
            return SafeXml.parse(text);
        }

        Element bodyChild() {
            Element body = first(document().getDocumentElement(), SOAP12, "Body");
            for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    return element;
                }
            }
            throw new AssertionError("empty SOAP body: " + text);
        }

        boolean isFault() {
            return "Fault".equals(bodyChild().getLocalName());
        }

        /** The problem code of a fault, from its Subcode (the detail's type must agree). */
        String faultCode() {
            Element fault = bodyChild();
            Element subcode = first(first(fault, SOAP12, "Code"), SOAP12, "Subcode");
            String value = first(subcode, SOAP12, "Value").getTextContent().trim();
            String code = value.substring(value.indexOf(':') + 1);
            String type = problem().getElementsByTagNameNS(DossierXmlMapper.NAMESPACE, "type").item(0)
                    .getTextContent();
            if (!type.equals("urn:dkrw-hub:problem:" + code)) {
                throw new AssertionError("subcode " + code + " and problem type " + type + " differ");
            }
            return code;
        }

        /** The fault's Code value (Sender or Receiver, without prefix). */
        String faultRole() {
            String value = first(first(bodyChild(), SOAP12, "Code"), SOAP12, "Value").getTextContent().trim();
            return value.substring(value.indexOf(':') + 1);
        }

        Element problem() {
            return first(first(bodyChild(), SOAP12, "Detail"), DossierXmlMapper.NAMESPACE, "problem");
        }

        java.util.List<String> pointers() {
            java.util.List<String> pointers = new java.util.ArrayList<>();
            var nodes = problem().getElementsByTagNameNS(DossierXmlMapper.NAMESPACE, "pointer");
            for (int i = 0; i < nodes.getLength(); i++) {
                pointers.add(nodes.item(i).getTextContent());
            }
            return pointers;
        }

        String field(String name) {
            return bodyChild().getElementsByTagNameNS(DossierXmlMapper.NAMESPACE, name).item(0).getTextContent();
        }

        JsonNode receipt() {
            return Dossiers.read(signedReceipt());
        }

        byte[] signedReceipt() {
            return java.util.Base64.getDecoder().decode(field("signedReceipt"));
        }

        static Element first(Element parent, String namespace, String name) {
            if (parent == null) {
                throw new AssertionError("no parent for " + name);
            }
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && name.equals(element.getLocalName())
                        && namespace.equals(element.getNamespaceURI())) {
                    return element;
                }
            }
            throw new AssertionError("no " + name + " in " + parent.getLocalName());
        }
    }
}
