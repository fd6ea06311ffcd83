package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dk.dkrw.hub.event.EventSamples.PLACEHOLDER;
import static dk.dkrw.hub.event.EventSamples.VALIDATOR;
import static dk.dkrw.hub.event.EventSamples.pointers;
import static dk.dkrw.hub.event.EventSamples.read;
import static dk.dkrw.hub.event.EventSamples.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The event rules beyond the schema, all violations at once, and no submitted value in any message. */
class EventValidatorTest {

    @Nested
    class CaseIdOfThePath {

        @Test
        void acceptsTheCaseIdOfThePath() {
            String caseId = EventSamples.newCaseId();

            assertThat(VALIDATOR.validate(read("valid/02-registered.json", caseId), caseId)).isEmpty();
        }

        @Test
        void refusesTheIdOfAnotherCase() {
            ObjectNode event = read("valid/02-registered.json", EventSamples.newCaseId());

            assertThat(VALIDATOR.validate(event, EventSamples.newCaseId()))
                    .containsExactly(new Violation("/caseId", EventValidator.CASE_ID_DIFFERS));
        }

        @Test
        void refusesAnyCaseIdWhenThePathHasNone() {
            assertThat(VALIDATOR.validate(read("valid/02-registered.json"), null))
                    .containsExactly(new Violation("/caseId", EventValidator.CASE_ID_DIFFERS));
        }

        @Test
        void refusesTheSameIdInUpperCase() {
            String caseId = EventSamples.newCaseId();
            ObjectNode event = read("valid/02-registered.json", caseId.toUpperCase());

            assertThat(VALIDATOR.validate(event, caseId)).containsExactlyInAnyOrder(
                    new Violation("/caseId", "does not match the required pattern"),
                    new Violation("/caseId", EventValidator.CASE_ID_DIFFERS));
        }

        @Test
        void leavesAMissingCaseIdToTheSchema() {
            ObjectNode event = read("valid/02-registered.json");
            event.remove("caseId");

            assertThat(validate(event)).containsExactly(new Violation("/caseId", "is required"));
        }
    }

    @Nested
    class Instants {

        @Test
        void refusesRecordedBeforeOccurred() {
            ObjectNode event = read("valid/01-received.json").put("recordedAt", "2026-02-03T08:39:59Z");

            assertThat(validate(event)).contains(new Violation("/recordedAt", EventValidator.RECORDED_BEFORE_OCCURRED));
        }

        @Test
        void acceptsRecordedAtTheInstantItOccurred() {
            ObjectNode event = read("valid/02-registered.json").put("recordedAt", "2026-02-04T10:05:00.000Z");

            assertThat(validate(event)).isEmpty();
        }

        @Test
        void comparesInstantsNotText() {
            ObjectNode event = read("valid/02-registered.json")
                    .put("occurredAt", "2026-02-04T10:05:00.5Z").put("recordedAt", "2026-02-04T10:05:00Z");

            assertThat(validate(event))
                    .containsExactly(new Violation("/recordedAt", EventValidator.RECORDED_BEFORE_OCCURRED));
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({
                "01-received.json, arrivalAt",
                "04-interview-held.json, heldAt",
                "other-interview-no-show.json, heldAt",
                "06-decision-refused.json, decidedAt",
                "07-appeal-lodged.json, lodgedAt",
                "08-appeal-decided.json, decidedAt"})
        void refusesAPastInstantAfterRecordedAt(String file, String field) {
            ObjectNode event = read("valid/" + file);
            String recordedAt = event.path("recordedAt").textValue();

            assertThat(validate(event.put(field, recordedAt))).isEmpty();
            event.put(field, recordedAt.replace("Z", ".001Z"));
            assertThat(validate(event)).containsExactly(new Violation("/" + field, EventValidator.AFTER_RECORDED));
        }

        @Test
        void acceptsAPastInstantBeforeOccurredAt() {
            ObjectNode event = read("valid/06-decision-refused.json").put("decidedAt", "2026-04-10T09:00:00Z");

            assertThat(validate(event)).isEmpty();
        }

        @Test
        void acceptsAScheduledInterviewOnEitherSideOfRecordedAt() {
            assertThat(validate(read("valid/03-interview-scheduled.json").put("scheduledAt", "2027-01-12T07:30:00Z")))
                    .isEmpty();
            assertThat(validate(read("valid/03-interview-scheduled.json").put("scheduledAt", "2026-02-09T07:30:00Z")))
                    .isEmpty();
        }

        @Test
        void refusesLastSeenAfterTheAbscondingOccurred() {
            ObjectNode event = read("valid/other-absconded.json");

            assertThat(validate(event.put("lastSeenAt", event.path("occurredAt").textValue()))).isEmpty();
            event.put("lastSeenAt", "2026-03-11T09:00:01Z");
            assertThat(validate(event)).containsExactly(new Violation("/lastSeenAt", EventValidator.AFTER_OCCURRED));
        }

        @Test
        void leavesMalformedInstantsToTheSchema() {
            ObjectNode event = read("valid/04-interview-held.json")
                    .put("recordedAt", "2026-03-03T09:00:00+05:00").put("heldAt", "yesterday");

            assertThat(validate(event)).extracting(Violation::pointer).containsOnly("/heldAt", "/recordedAt");
            assertThat(validate(event)).extracting(Violation::message)
                    .noneMatch(m -> m.startsWith("must not be"));
        }

        @Test
        void comparesOnlyTheInstantsOfTheEventsOwnType() {
            ObjectNode event = read("valid/01-received.json").put("decidedAt", "2030-01-01T00:00:00Z");

            assertThat(validate(event))
                    .containsExactly(new Violation("/decidedAt", "is not a property the schema allows"));
        }
    }

    @Nested
    class EverythingAtOnce {

        @Test
        void reportsSchemaAndRuleViolationsTogetherOrderedByPointer() {
            ObjectNode event = read("valid/06-decision-refused.json", EventSamples.newCaseId())
                    .put("recordedAt", "2026-04-14T10:00:00Z").put("legalBasis", "7(1)");
            event.remove("eventId");

            assertThat(VALIDATOR.validate(event, EventSamples.newCaseId())).containsExactly(
                    new Violation("/caseId", EventValidator.CASE_ID_DIFFERS),
                    new Violation("/decidedAt", EventValidator.AFTER_RECORDED),
                    new Violation("/eventId", "is required"),
                    new Violation("/legalBasis", "does not match the required pattern"),
                    new Violation("/recordedAt", EventValidator.RECORDED_BEFORE_OCCURRED));
        }

        @Test
        void answersAnyJsonValueWithViolationsNotExceptions() {
            JsonNodeFactory json = JsonNodeFactory.instance;
            for (JsonNode odd : List.<JsonNode>of(json.nullNode(), json.textNode("RECEIVED"), json.arrayNode(),
                    json.numberNode(1), json.objectNode())) {
                assertThat(VALIDATOR.validate(odd, PLACEHOLDER)).as("%s", odd).isNotEmpty();
            }
        }

        @Test
        void needsAnEvent() {
            assertThatNullPointerException().isThrownBy(() -> VALIDATOR.validate(null, PLACEHOLDER));
        }
    }

    @Nested
    class NoSubmittedValueInMessages {

        @Test
        void messagesAndPointersNeverEchoWhatWasSent() {
            ObjectNode received = read("valid/01-received.json")
                    .put("receptionSite", "Amanuel Tesfay Gebremedhin\u202E, room 12")
                    .put("arrivalAt", "2026-02-03 08:40 Kigali")
                    .put("closureReason", "Amanuel left");
            received.put("Amanuel Tesfay", "x");
            ObjectNode registered = read("valid/02-registered.json")
                    .put("kigaliCaseRef", "KGL-SECRET-" + "9".repeat(60))
                    .put("biometricVerification", "MATCH Amanuel");
            ObjectNode closed = read("valid/09-case-closed.json").put("closureReason", "Senait\u0000Haile");

            List<Violation> violations = new ArrayList<>();
            violations.addAll(validate(received));
            violations.addAll(validate(registered));
            violations.addAll(validate(closed));

            assertThat(pointers(violations)).contains("/receptionSite", "/arrivalAt", "/closureReason", "",
                    "/kigaliCaseRef", "/biometricVerification");
            assertThat(violations).allSatisfy(v -> {
                assertThat(v.message()).doesNotContain("Amanuel", "Tesfay", "Senait", "Haile", "SECRET", "Kigali",
                        "room 12");
                assertThat(v.pointer()).doesNotContain("Amanuel");
            });
        }
    }
}
