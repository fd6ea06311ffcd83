package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** The fourteen {@code type}s of an {@code rw-case-event/1}, named exactly as on the wire. */
public enum EventType {

    RECEIVED,
    REGISTERED,
    INTERVIEW_SCHEDULED,
    INTERVIEW_HELD,
    INTERVIEW_NO_SHOW,
    VULNERABILITY_IDENTIFIED,
    DECISION,
    APPEAL_LODGED,
    APPEAL_DECIDED,
    WITHDRAWN,
    ABSCONDED,
    REAPPEARED,
    TRANSFERRED,
    CASE_CLOSED;

    /** The type named by {@code text}, or empty when it names none (case-sensitive, like the schema's enum). */
    public static Optional<EventType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (EventType type : values()) {
            if (type.name().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type of a parsed event, or empty when {@code /type} is missing, not text or unknown. */
    public static Optional<EventType> of(JsonNode event) {
        JsonNode type = event == null ? null : event.get("type");
        return type != null && type.isTextual() ? parse(type.textValue()) : Optional.empty();
    }
}
