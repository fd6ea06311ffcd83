package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of an {@code rw-case-event/1} the hub keys its work on: idempotency ({@code eventId}), the case,
 * ordering ({@code sequence}) and the lifecycle ({@code type}). Read from a parsed document before validation,
 * so it tolerates anything: a missing or mistyped field comes back as null. The values are submitted text:
 * put them in logs or problem details only through {@link dk.dkrw.hub.problem.SafeIds} (ids) or after
 * {@link EventType#parse(String)} (type).
 */
public record EventIdentity(String eventId, String caseId, Integer sequence, String type) {

    /** @param event any parsed JSON value, or null */
    public static EventIdentity of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return new EventIdentity(null, null, null, null);
        }
        JsonNode sequence = event.path("sequence");
        return new EventIdentity(
                text(event, "eventId"),
                text(event, "caseId"),
                sequence.canConvertToExactIntegral() && sequence.canConvertToInt() ? sequence.intValue() : null,
                text(event, "type"));
    }

    /** True when eventId and sequence are usable: an eventId and a sequence of at least 1. */
    public boolean hasKey() {
        return eventId != null && sequence != null && sequence >= 1;
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.path(field);
        return value.isTextual() ? value.textValue() : null;
    }
}
