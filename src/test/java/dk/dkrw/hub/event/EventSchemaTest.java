package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.dkrw.hub.event.EventSamples.SCHEMA;
import static dk.dkrw.hub.event.EventSamples.pointers;
import static dk.dkrw.hub.event.EventSamples.read;
import static org.assertj.core.api.Assertions.assertThat;

/** rw-case-event-1.schema.json: the envelope, exactly each type's fields, the code lists and limits. */
class EventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENVELOPE = Set.of("schemaVersion", "eventId", "caseId", "sequence", "type",
            "occurredAt", "recordedAt", "actor");

    static List<String> validFiles() {
        return EventSamples.files("valid", ".json");
    }

    private static List<String> ownFields(JsonNode event) {
        List<String> fields = new ArrayList<>();
        event.fieldNames().forEachRemaining(f -> {
            if (!ENVELOPE.contains(f)) {
                fields.add(f);
            }
        });
        return fields;
    }

    /** Every type-specific field with a value from the valid samples (the first sample that has it). */
    private static Map<String, JsonNode> fieldValues() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String file : validFiles()) {
            ObjectNode event = read("valid/" + file);
            ownFields(event).forEach(f -> values.putIfAbsent(f, event.get(f)));
        }
        return values;
    }

    private static JsonNode schemaDocument() {
        try {
            return JSON.readTree(EventSamples.bytes(Path.of("schemas", "rw-case-event-1.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class ValidSamples {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dk.dkrw.hub.event.EventSchemaTest#validFiles")
        void passesTheSchemaAndTheEventRulesForARealCase(String file) {
            String caseId = EventSamples.newCaseId();

            assertThat(SCHEMA.check(read("valid/" + file))).isEmpty();
            assertThat(EventSamples.VALIDATOR.validate(read("valid/" + file, caseId), caseId)).isEmpty();
        }

        @Test
        void coverEveryTypeTheSchemaKnowsAndNoOther() {
            List<String> schemaTypes = new ArrayList<>();
            schemaDocument().at("/properties/type/enum").forEach(t -> schemaTypes.add(t.textValue()));

            assertThat(schemaTypes).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(EventType.values()).map(Enum::name).toList());
            assertThat(EventSamples.oneOfEachType()).containsOnlyKeys(EventType.values());
        }

        @Test
        void tellOneLifecycleNumberedBySequenceWithDistinctEventIds() {
            List<String> lifecycle = EventSamples.lifecycle();
            assertThat(lifecycle).hasSize(9);
            for (int i = 0; i < lifecycle.size(); i++) {
                assertThat(read("valid/" + lifecycle.get(i)).path("sequence").intValue()).isEqualTo(i + 1);
            }
            List<String> eventIds = validFiles().stream().map(f -> read("valid/" + f).path("eventId").textValue())
                    .toList();
            assertThat(eventIds).doesNotHaveDuplicates();
            assertThat(validFiles()).allSatisfy(f ->
                    assertThat(read("valid/" + f).path("caseId").textValue()).isEqualTo(EventSamples.PLACEHOLDER));
        }

        @Test
        void useEveryTypeSpecificFieldTheSchemaNames() {
            Set<String> named = new HashSet<>();
            schemaDocument().path("properties").fieldNames().forEachRemaining(named::add);
            named.removeAll(ENVELOPE);

            assertThat(fieldValues().keySet()).containsExactlyInAnyOrderElementsOf(named);
        }
    }

    @Nested
    class EachTypeHasExactlyItsFields {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dk.dkrw.hub.event.EventSchemaTest#validFiles")
        void requiresEveryOneOfItsFields(String file) {
            for (String field : ownFields(read("valid/" + file))) {
                ObjectNode event = read("valid/" + file);
                event.remove(field);

                assertThat(SCHEMA.check(event)).as("without %s", field)
                        .containsExactly(new Violation("/" + field, "is required"));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dk.dkrw.hub.event.EventSchemaTest#validFiles")
        void refusesEveryFieldOfTheOtherTypes(String file) {
            List<String> own = ownFields(read("valid/" + file));
            fieldValues().forEach((field, value) -> {
                if (!own.contains(field)) {
                    ObjectNode event = read("valid/" + file);
                    event.set(field, value);

                    assertThat(SCHEMA.check(event)).as("with %s", field)
                            .containsExactly(new Violation("/" + field, "is not a property the schema allows"));
                }
            });
        }

        @Test
        void reappearedCarriesNothingBeyondTheEnvelope() {
            assertThat(ownFields(read("valid/other-reappeared.json"))).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"schemaVersion", "eventId", "caseId", "sequence", "type", "occurredAt", "recordedAt", "actor"})
        void requiresTheWholeEnvelope(String field) {
            ObjectNode event = read("valid/other-reappeared.json");
            event.remove(field);

            assertThat(SCHEMA.check(event)).containsExactly(new Violation("/" + field, "is required"));
        }
    }

    @Nested
    class CodeListsAndLimits {

        @ParameterizedTest(name = "{0} {1} = {2}")
        @CsvSource(delimiter = ';', value = {
                "01-received.json;/schemaVersion;\"rw-case/1\"",
                "01-received.json;/eventId;\"3f6c2a1e-8b4d-4c7a-9e15\"",
                "01-received.json;/caseId;\"00000000-0000-4000-8000-00000000000G\"",
                "01-received.json;/sequence;1.5",
                "01-received.json;/sequence;\"1\"",
                "01-received.json;/sequence;2147483648",
                "01-received.json;/occurredAt;\"2026-02-03\"",
                "01-received.json;/recordedAt;\"2026-02-03T09:12:31.1234567891Z\"",
                "01-received.json;/arrivalAt;\"2026-02-03 08:40:00Z\"",
                "01-received.json;/actor/role;\"APPLICANT\"",
                "01-received.json;/receptionSite;\"\"",
                "01-received.json;/receptionSite;\"Gashora\\u202E\"",
                "02-registered.json;/biometricVerification;\"PARTIAL\"",
                "02-registered.json;/kigaliCaseRef;\"KGL-2026\\n000417\"",
                "03-interview-scheduled.json;/interviewType;\"ASYLUM_FORM\"",
                "03-interview-scheduled.json;/language;\"tigrinya language\"",
                "04-interview-held.json;/durationMin;0",
                "04-interview-held.json;/durationMin;90.5",
                "04-interview-held.json;/recordRef;\"\"",
                "05-vulnerability-identified.json;/codes;\"TORTURE_SURVIVOR\"",
                "05-vulnerability-identified.json;/codes/0;\"torture_survivor\"",
                "06-decision-refused.json;/outcome;\"GRANTED\"",
                "06-decision-refused.json;/legalBasis;\"udl_7_1\"",
                "07-appeal-lodged.json;/appealBody;\"fln\"",
                "08-appeal-decided.json;/outcome;\"GRANTED_CONVENTION\"",
                "other-withdrawn.json;/withdrawnBy;\"FAMILY\"",
                "other-absconded.json;/lastSeenAt;\"2026-03-08T18:00:00+00:00\"",
                "other-transferred.json;/destination;\"dnk\"",
                "other-transferred.json;/destination;\"XXB\"",
                "other-transferred.json;/reason;\"Medical\\ttreatment\""})
        void refusesAMalformedValueAtItsPointer(String file, String pointer, String json) throws IOException {
            ObjectNode event = read("valid/" + file);
            put(event, pointer, JSON.readTree(json));

            assertThat(pointers(SCHEMA.check(event))).isNotEmpty().allMatch(pointer::equals);
        }

        @ParameterizedTest(name = "{0} {1}: {2} accepted, {3} refused")
        @CsvSource(delimiter = ';', value = {
                "01-received.json;/receptionSite;100;101",
                "02-registered.json;/kigaliCaseRef;64;65",
                "04-interview-held.json;/recordRef;128;129",
                "06-decision-refused.json;/legalBasis;64;65",
                "other-transferred.json;/reason;200;201",
                "09-case-closed.json;/closureReason;200;201"})
        void limitsTheLengthOfText(String file, String pointer, int longest, int tooLong) {
            ObjectNode event = read("valid/" + file);
            put(event, pointer, JSON.getNodeFactory().textNode("A".repeat(longest)));
            assertThat(SCHEMA.check(event)).isEmpty();

            put(event, pointer, JSON.getNodeFactory().textNode("A".repeat(tooLong)));
            assertThat(pointers(SCHEMA.check(event))).containsExactly(pointer);
        }

        @Test
        void acceptsTheBoundsOfDurationAndEveryVulnerabilityCodeOnce() {
            ObjectNode interview = read("valid/04-interview-held.json").put("durationMin", 1);
            assertThat(SCHEMA.check(interview)).isEmpty();
            assertThat(SCHEMA.check(interview.put("durationMin", 1440))).isEmpty();

            ObjectNode vulnerability = read("valid/05-vulnerability-identified.json");
            ArrayNode codes = vulnerability.putArray("codes");
            schemaDocument().at("/$defs/vulnerabilityCode/enum").forEach(codes::add);
            assertThat(codes).hasSize(12);
            assertThat(SCHEMA.check(vulnerability)).isEmpty();
        }

        @Test
        void acceptsEveryOutcomeOfItsOwnType() {
            for (String outcome : List.of("GRANTED_CONVENTION", "GRANTED_PROTECTION", "REFUSED", "INADMISSIBLE",
                    "MANIFESTLY_UNFOUNDED")) {
                assertThat(SCHEMA.check(read("valid/06-decision-refused.json").put("outcome", outcome))).isEmpty();
            }
            for (String outcome : List.of("UPHELD", "REVERSED", "REMITTED")) {
                assertThat(SCHEMA.check(read("valid/08-appeal-decided.json").put("outcome", outcome))).isEmpty();
            }
        }

        @Test
        void acceptsFractionalSecondsInUtc() {
            ObjectNode event = read("valid/01-received.json").put("recordedAt", "2026-02-03T09:12:31.123456789Z");

            assertThat(SCHEMA.check(event)).isEmpty();
        }

        @Test
        void anchorsPatternsAtTheVeryEnd() {
            ObjectNode event = read("valid/06-decision-refused.json").put("legalBasis", "UDL_7_1\n");
            event.put("eventId", event.path("eventId").textValue() + "\n");

            assertThat(SCHEMA.check(event)).contains(
                    new Violation("/eventId", "does not match the required pattern"),
                    new Violation("/legalBasis", "does not match the required pattern"));
            assertThat(pointers(SCHEMA.check(event))).containsOnly("/eventId", "/legalBasis");
        }

        private void put(ObjectNode event, String pointer, JsonNode value) {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = slash == 0 ? event : event.at(pointer.substring(0, slash));
            String last = pointer.substring(slash + 1);
            if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), value);
            } else {
                ((ObjectNode) parent).set(last, value);
            }
        }
    }
}
