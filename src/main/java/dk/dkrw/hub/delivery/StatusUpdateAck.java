package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.ProblemCode;
import org.apache.cxf.staxutils.StaxUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.stream.XMLStreamException;
import javax.xml.transform.Source;

/**
 * Reads the Danish side's StatusUpdateAck. Only a schema-valid ack for the same statusUpdateId counts as
 * delivered; accepted=false without duplicate=true, another id, or anything unreadable is a
 * {@link PermanentDeliveryException}: the endpoint answered, and sending the same message again would get the
 * same answer.
 */
final class StatusUpdateAck {

    private StatusUpdateAck() {
    }

    static DeliveryResult read(Source response, String statusUpdateId, StatusUpdateSchema schema,
                               Integer httpStatus) {
        Element ack = ackElement(response, schema);
        if (ack == null) {
            throw refused(statusUpdateId, "HTTP " + (httpStatus == null ? "?" : httpStatus)
                    + " without a valid StatusUpdateAck");
        }
        if (!statusUpdateId.equalsIgnoreCase(childText(ack, "statusUpdateId"))) {
            throw refused(statusUpdateId, "the acknowledgement names another statusUpdateId");
        }
        boolean accepted = xsBoolean(childText(ack, "accepted"));
        boolean duplicate = xsBoolean(childText(ack, "duplicate"));
        if (duplicate) {
            return new DeliveryResult(statusUpdateId, DeliveryResult.Outcome.DUPLICATE);
        }
        if (accepted) {
            return new DeliveryResult(statusUpdateId, DeliveryResult.Outcome.ACCEPTED);
        }
        throw refused(statusUpdateId, "acknowledged with accepted=false");
    }

    /** xs:boolean's lexical forms; the schema check has already excluded anything else. */
    private static boolean xsBoolean(String text) {
        String value = text.strip();
        return "true".equals(value) || "1".equals(value);
    }

    /** The text of the first child element named {@code localName}, or "" when there is none. */
    static String childText(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return "";
    }

    private static Element ackElement(Source response, StatusUpdateSchema schema) {
        if (response == null) {
            return null;
        }
        Document document;
        try {
            document = StaxUtils.read(response);
        } catch (XMLStreamException e) {
            return null;
        }
        Element root = document.getDocumentElement();
        if (root == null || !"StatusUpdateAck".equals(root.getLocalName())
                || !EventToStatusUpdateMapper.NAMESPACE.equals(root.getNamespaceURI())
                || !schema.check(document).isEmpty()) {
            return null;
        }
        return root;
    }

    private static PermanentDeliveryException refused(String statusUpdateId, String why) {
        return new PermanentDeliveryException(ProblemCode.VALIDATION_FAILED,
                "status update " + statusUpdateId + ": " + why, null);
    }
}
