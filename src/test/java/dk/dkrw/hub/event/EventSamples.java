package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.JsonSchemaCheck;
import dk.dkrw.hub.validation.StrictJsonReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The project's sample case events (samples/events), the event schema and a validator over it. */
final class EventSamples {

    static final Path EVENTS = Path.of("samples", "events");
    static final String PLACEHOLDER = "00000000-0000-4000-8000-000000000000";
    static final JsonSchemaCheck SCHEMA = JsonSchemaCheck.load("rw-case-event-1.schema.json");
    static final EventValidator VALIDATOR = new EventValidator(SCHEMA);

    private static final StrictJsonReader READER = new StrictJsonReader();

    private EventSamples() {
    }

    /** A fresh, mutable copy of a sample as written (placeholder caseId included): {@code read("valid/x.json")}. */
    static ObjectNode read(String relative) {
        return (ObjectNode) READER.readObject(bytes(EVENTS.resolve(relative)));
    }

    /** A fresh copy of a sample for the case {@code caseId}: the placeholder replaced, as a real post carries it. */
    static ObjectNode read(String relative, String caseId) {
        ObjectNode event = read(relative);
        if (PLACEHOLDER.equals(event.path("caseId").textValue())) {
            event.put("caseId", caseId);
        }
        return event;
    }

    static String newCaseId() {
        return UUID.randomUUID().toString();
    }

    /** File names in {@code valid/} or {@code invalid/} ending in {@code suffix}, sorted. */
    static List<String> files(String folder, String suffix) {
        try (var files = Files.list(EVENTS.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbered files of the full lifecycle, in order. */
    static List<String> lifecycle() {
        return files("valid", ".json").stream().filter(n -> n.matches("\\d\\d-.*")).toList();
    }

    /** A valid sample of each type (for DECISION the refusal, for APPEAL_DECIDED the upheld appeal). */
    static Map<EventType, ObjectNode> oneOfEachType() {
        Map<EventType, ObjectNode> byType = new EnumMap<>(EventType.class);
        for (String file : files("valid", ".json")) {
            ObjectNode event = read("valid/" + file);
            byType.putIfAbsent(EventType.of(event).orElseThrow(), event);
        }
        return byType;
    }

    static List<Violation> validate(JsonNode event) {
        return VALIDATOR.validate(event, PLACEHOLDER);
    }

    static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
