package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.JsonSchemaCheck;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates an {@code rw-case-event/1} against its JSON Schema and the hub's rules, and reports everything wrong
 * at once (the rules run over whatever they can read even when the schema fails):
 * <ul>
 *   <li>{@code caseId} equals the case id of the request path (compared exactly: the schema makes both
 *       lower-case UUIDs);</li>
 *   <li>{@code recordedAt} is not before {@code occurredAt};</li>
 *   <li>the instant an event reports as past ({@code arrivalAt}, {@code heldAt}, {@code decidedAt},
 *       {@code lodgedAt}) is not after {@code recordedAt}: nothing can be recorded before it happened. They
 *       are not compared with {@code occurredAt}, which may be e.g. when a decision was notified;</li>
 *   <li>{@code lastSeenAt} is not after {@code occurredAt}: absconding is established after the applicant was
 *       last seen (and so, with the rule above, not after {@code recordedAt} either);</li>
 *   <li>{@code scheduledAt} is free: an interview is scheduled for later, or its scheduling recorded late.</li>
 * </ul>
 * Instants are compared only when they are well-formed UTC instants (otherwise the schema reports them), and
 * only on the fields of the event's own type (a field of another type is a schema violation already). Nothing is
 * compared with the hub's clock: how far in the future a document may be is the signing-time check's business.
 * Messages name the rule, never a submitted value. Immutable and thread-safe.
 */
public final class EventValidator {

    static final String CASE_ID_DIFFERS = "must equal the caseId of the request path";
    static final String RECORDED_BEFORE_OCCURRED = "must not be before occurredAt";
    static final String AFTER_RECORDED = "must not be after recordedAt";
    static final String AFTER_OCCURRED = "must not be after occurredAt";

    private static final Pattern UTC_INSTANT =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z\\z");

    /** Per type, its field that reports a past instant. */
    private static final Map<EventType, String> PAST_INSTANT = Map.of(
            EventType.RECEIVED, "arrivalAt",
            EventType.INTERVIEW_HELD, "heldAt",
            EventType.INTERVIEW_NO_SHOW, "heldAt",
            EventType.DECISION, "decidedAt",
            EventType.APPEAL_LODGED, "lodgedAt",
            EventType.APPEAL_DECIDED, "decidedAt");

    private final JsonSchemaCheck eventSchema;

    /** @param eventSchema the {@code rw-case-event-1.schema.json} check */
    public EventValidator(JsonSchemaCheck eventSchema) {
        this.eventSchema = Objects.requireNonNull(eventSchema, "eventSchema");
    }

    /**
     * @param event          the parsed document (any JSON value; a non-object only fails the schema)
     * @param caseIdFromPath the {@code caseId} of {@code POST /api/v1/cases/{caseId}/events}
     * @return every violation, ordered by pointer; empty when the event is valid
     */
    public List<Violation> validate(JsonNode event, String caseIdFromPath) {
        Objects.requireNonNull(event, "event");
        List<Violation> violations = new ArrayList<>(eventSchema.check(event));
        if (event.isObject()) {
            checkCaseId(event, caseIdFromPath, violations);
            checkInstants(event, violations);
        }
        return violations.stream()
                .distinct()
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
                .toList();
    }

    private static void checkCaseId(JsonNode event, String caseIdFromPath, List<Violation> violations) {
        JsonNode caseId = event.get("caseId");
        if (caseId != null && caseId.isTextual() && !caseId.textValue().equals(caseIdFromPath)) {
            violations.add(new Violation("/caseId", CASE_ID_DIFFERS));
        }
    }

    private static void checkInstants(JsonNode event, List<Violation> violations) {
        Instant occurredAt = instant(event, "occurredAt");
        Instant recordedAt = instant(event, "recordedAt");
        if (occurredAt != null && recordedAt != null && recordedAt.isBefore(occurredAt)) {
            violations.add(new Violation("/recordedAt", RECORDED_BEFORE_OCCURRED));
        }
        EventType type = EventType.of(event).orElse(null);
        String pastField = type == null ? null : PAST_INSTANT.get(type);
        Instant past = pastField == null ? null : instant(event, pastField);
        if (past != null && recordedAt != null && past.isAfter(recordedAt)) {
            violations.add(new Violation("/" + pastField, AFTER_RECORDED));
        }
        Instant lastSeenAt = type == EventType.ABSCONDED ? instant(event, "lastSeenAt") : null;
        if (lastSeenAt != null && occurredAt != null && lastSeenAt.isAfter(occurredAt)) {
            violations.add(new Violation("/lastSeenAt", AFTER_OCCURRED));
        }
    }

    /** The field as an instant when it is a well-formed UTC instant, else null. */
    private static Instant instant(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || !UTC_INSTANT.matcher(value.textValue()).matches()) {
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
