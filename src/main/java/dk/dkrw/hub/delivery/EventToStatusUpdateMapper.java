package dk.dkrw.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * Turns one Kigali case event (rw-case-event/1) into the Danish status update (dk-status-update-1.xsd), as an
 * XML string ready for {@link StatusUpdateClient#deliver}.
 *
 * <p>{@code dkCaseNo} and {@code udlNr} come from the {@link DanishCaseRecord} only: Kigali never had them, so
 * anything an event carries under those names is ignored. The event must belong to the record's case; a
 * mismatch is a hub fault ({@link ProblemCode#INTERNAL_ERROR}) because it would report one person's events
 * on another person's Danish case. The status follows {@link CaseEventType#status()}; event types that do not
 * change the status report {@link DanishStatus#UNCHANGED}.
 *
 * <p>The XML is written with StAX, so every value is escaped by the writer. The JDK's own StAX implementation
 * is used (not whichever one the class path offers) so the output does not depend on the deployment.
 * Thread-safe.
 */
public final class EventToStatusUpdateMapper {

    public static final String NAMESPACE = "urn:dkrw-hub:dk-status-update:1";

    private final XMLOutputFactory outputs = XMLOutputFactory.newDefaultFactory();

    public String map(JsonNode caseEvent, DanishCaseRecord record) {
        EventFields event = new EventFields(caseEvent);
        String eventId = event.text("eventId");
        String caseId = event.text("caseId");
        if (!caseId.equalsIgnoreCase(record.caseId())) {
            throw new HubException(ProblemCode.INTERNAL_ERROR,
                    "case event " + event.eventId() + " mapped with the records of another case");
        }
        String typeName = event.text("type");
        CaseEventType type = CaseEventType.of(typeName).orElseThrow(() -> new HubException(
                ProblemCode.VALIDATION_FAILED, "case event " + event.eventId() + " has an unknown type"));
        StringWriter out = new StringWriter(1024);
        try {
            XMLStreamWriter xml = outputs.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "StatusUpdate");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "statusUpdateId", eventId);
            element(xml, "caseId", record.caseId());
            element(xml, "dkCaseNo", record.dkCaseNo());
            element(xml, "udlNr", record.udlNr());
            element(xml, "sequence", String.valueOf(event.integer("sequence")));
            element(xml, "eventType", type.name());
            element(xml, "status", type.status().name());
            element(xml, "occurredAt", event.instant("occurredAt"));
            element(xml, "recordedAt", event.instant("recordedAt"));
            new StatusDetails(xml, event).write(type);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new HubException(ProblemCode.INTERNAL_ERROR,
                    "status update for case event " + event.eventId() + " could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
