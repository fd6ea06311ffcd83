package dk.dkrw.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeIds;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads from one case event. The event was schema-checked on intake, so a missing or mistyped field here
 * means the intake and the status-update format disagree: it fails with {@link ProblemCode#VALIDATION_FAILED}
 * naming the event id and the field, never the value.
 */
final class EventFields {

    /** Characters XML 1.0 cannot carry at all (not even escaped); a writer would produce a broken document. */
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final JsonNode event;
    private final String eventId;

    EventFields(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new HubException(ProblemCode.VALIDATION_FAILED, "case event is not a JSON object");
        }
        this.event = event;
        this.eventId = SafeIds.uuidOrMarker(event.path("eventId").asText(null));
    }

    String eventId() {
        return eventId;
    }

    String text(String name) {
        return optionalText(name).orElseThrow(() -> missing(name));
    }

    Optional<String> optionalText(String name) {
        JsonNode node = event.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw wrongType(name, "a string");
        }
        return Optional.of(xmlSafe(name, node.textValue()));
    }

    /** An RFC 3339 instant, normalised to UTC with suffix Z. */
    String instant(String name) {
        return optionalInstant(name).orElseThrow(() -> missing(name));
    }

    Optional<String> optionalInstant(String name) {
        return optionalText(name).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw wrongType(name, "an RFC 3339 instant");
            }
        });
    }

    int integer(String name) {
        return optionalInteger(name).orElseThrow(() -> missing(name));
    }

    Optional<Integer> optionalInteger(String name) {
        JsonNode node = event.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(name, "an integer");
        }
        return Optional.of(node.intValue());
    }

    Optional<Boolean> optionalBoolean(String name) {
        JsonNode node = event.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw wrongType(name, "a boolean");
        }
        return Optional.of(node.booleanValue());
    }

    /** A non-empty array of strings. */
    List<String> texts(String name) {
        JsonNode node = event.get(name);
        if (node == null || node.isNull()) {
            throw missing(name);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw wrongType(name, "a non-empty array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw wrongType(name, "a non-empty array of strings");
            }
            values.add(xmlSafe(name, item.textValue()));
        }
        return values;
    }

    private String xmlSafe(String name, String value) {
        if (NOT_XML.matcher(value).find()) {
            throw new HubException(ProblemCode.VALIDATION_FAILED,
                    "case event " + eventId + ": field " + name + " holds characters XML cannot carry");
        }
        return value;
    }

    private HubException missing(String name) {
        return new HubException(ProblemCode.VALIDATION_FAILED,
                "case event " + eventId + " lacks field " + name);
    }

    private HubException wrongType(String name, String expected) {
        return new HubException(ProblemCode.VALIDATION_FAILED,
                "case event " + eventId + ": field " + name + " is not " + expected);
    }
}
