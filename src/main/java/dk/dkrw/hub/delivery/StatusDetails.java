package dk.dkrw.hub.delivery;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.Optional;

/**
 * Writes the typed detail element of a status update: one element per event type, none for REAPPEARED (the
 * event has no fields). Element order follows dk-status-update-1.xsd.
 */
final class StatusDetails {

    private final XMLStreamWriter xml;
    private final EventFields event;

    StatusDetails(XMLStreamWriter xml, EventFields event) {
        this.xml = xml;
        this.event = event;
    }

    void write(CaseEventType type) throws XMLStreamException {
        switch (type) {
            case RECEIVED -> {
                start("Reception");
                element("arrivalAt", event.instant("arrivalAt"));
                element("receptionSite", event.text("receptionSite"));
                end();
            }
            case REGISTERED -> {
                start("Registration");
                element("kigaliCaseRef", event.text("kigaliCaseRef"));
                element("biometricVerification", event.text("biometricVerification"));
                end();
            }
            case INTERVIEW_SCHEDULED, INTERVIEW_HELD, INTERVIEW_NO_SHOW -> interview(type);
            case VULNERABILITY_IDENTIFIED -> {
                start("Vulnerabilities");
                for (String code : event.texts("codes")) {
                    element("code", code);
                }
                end();
            }
            case DECISION -> {
                start("Decision");
                element("outcome", event.text("outcome"));
                element("legalBasis", event.text("legalBasis"));
                element("decidedAt", event.instant("decidedAt"));
                end();
            }
            case APPEAL_LODGED, APPEAL_DECIDED -> appeal(type);
            case WITHDRAWN -> {
                start("Withdrawal");
                element("withdrawnBy", event.text("withdrawnBy"));
                end();
            }
            case ABSCONDED -> {
                start("Absconding");
                element("lastSeenAt", event.instant("lastSeenAt"));
                end();
            }
            case TRANSFERRED -> {
                start("Transfer");
                element("destination", event.text("destination"));
                element("reason", event.text("reason"));
                end();
            }
            case CASE_CLOSED -> {
                start("Closure");
                element("closureReason", event.text("closureReason"));
                end();
            }
            case REAPPEARED -> {
                // no details: the event only says the person is back
            }
        }
    }

    /** domain.md lists more fields for a held interview than a no-show can have, so all but the time are optional. */
    private void interview(CaseEventType type) throws XMLStreamException {
        start("Interview");
        element("interviewType", event.text("interviewType"));
        if (type == CaseEventType.INTERVIEW_SCHEDULED) {
            element("scheduledAt", event.instant("scheduledAt"));
        } else {
            element("heldAt", event.instant("heldAt"));
        }
        optional("language", event.optionalText("language"));
        optional("interpreterUsed", event.optionalBoolean("interpreterUsed").map(String::valueOf));
        optional("durationMin", event.optionalInteger("durationMin").map(String::valueOf));
        optional("recordRef", event.optionalText("recordRef"));
        if (type != CaseEventType.INTERVIEW_SCHEDULED) {
            element("noShow", String.valueOf(type == CaseEventType.INTERVIEW_NO_SHOW));
        }
        end();
    }

    private void appeal(CaseEventType type) throws XMLStreamException {
        start("Appeal");
        element("appealBody", event.text("appealBody"));
        if (type == CaseEventType.APPEAL_LODGED) {
            element("lodgedAt", event.instant("lodgedAt"));
        } else {
            element("outcome", event.text("outcome"));
            element("decidedAt", event.instant("decidedAt"));
        }
        end();
    }

    private void start(String name) throws XMLStreamException {
        xml.writeStartElement(EventToStatusUpdateMapper.NAMESPACE, name);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    private void element(String name, String value) throws XMLStreamException {
        start(name);
        xml.writeCharacters(value);
        end();
    }

    private void optional(String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            element(name, value.get());
        }
    }
}
