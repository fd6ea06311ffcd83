package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.event.CaseLifecycle.State;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dk.dkrw.hub.event.CaseState.ABSCONDED;
import static dk.dkrw.hub.event.CaseState.APPEALED;
import static dk.dkrw.hub.event.CaseState.APPEAL_DECIDED;
import static dk.dkrw.hub.event.CaseState.CLOSED;
import static dk.dkrw.hub.event.CaseState.DECIDED_NEGATIVE;
import static dk.dkrw.hub.event.CaseState.DECIDED_POSITIVE;
import static dk.dkrw.hub.event.CaseState.FORWARDED;
import static dk.dkrw.hub.event.CaseState.INTERVIEWED;
import static dk.dkrw.hub.event.CaseState.REGISTERED;
import static dk.dkrw.hub.event.CaseState.TRANSFERRED;
import static dk.dkrw.hub.event.CaseState.WITHDRAWN;
import static dk.dkrw.hub.event.EventType.APPEAL_LODGED;
import static dk.dkrw.hub.event.EventType.CASE_CLOSED;
import static dk.dkrw.hub.event.EventType.DECISION;
import static dk.dkrw.hub.event.EventType.INTERVIEW_HELD;
import static dk.dkrw.hub.event.EventType.INTERVIEW_NO_SHOW;
import static dk.dkrw.hub.event.EventType.INTERVIEW_SCHEDULED;
import static dk.dkrw.hub.event.EventType.REAPPEARED;
import static dk.dkrw.hub.event.EventType.RECEIVED;
import static dk.dkrw.hub.event.EventType.VULNERABILITY_IDENTIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Lifecycle paragraph of domain.md and the documented decisions where it is silent. */
class CaseLifecycleTest {

    private static final Map<EventType, ObjectNode> SAMPLE = EventSamples.oneOfEachType();

    static ObjectNode event(EventType type) {
        return SAMPLE.get(type).deepCopy();
    }

    static ObjectNode decision(String outcome) {
        return event(DECISION).put("outcome", outcome);
    }

    static ObjectNode appealDecided(String outcome) {
        return event(EventType.APPEAL_DECIDED).put("outcome", outcome);
    }

    /** The state after the given events (EventType: its sample; ObjectNode: itself) from a forwarded case. */
    static State after(Object... events) {
        State state = State.initial();
        for (Object e : events) {
            state = state.apply(e instanceof EventType type ? event(type) : (ObjectNode) e);
        }
        return state;
    }

    static State registered() {
        return after(RECEIVED, EventType.REGISTERED);
    }

    static State interviewed() {
        return after(RECEIVED, EventType.REGISTERED, INTERVIEW_HELD);
    }

    static State decidedNegative() {
        return after(RECEIVED, EventType.REGISTERED, INTERVIEW_HELD, decision("REFUSED"));
    }

    /** Asserts that {@code type} is refused in {@code state} with a detail naming both. */
    static void assertRefused(State state, ObjectNode event) {
        HubException refusal = catchThrowableOfType(HubException.class, () -> state.apply(event));

        assertThat(refusal).as("%s in %s", event.path("type").textValue(), state).isNotNull();
        assertThat(refusal.code()).isEqualTo(ProblemCode.TRANSITION_REFUSED);
        assertThat(refusal.detail())
                .contains("case state " + state.current().name())
                .contains(event.path("type").textValue());
    }

    static void assertRefused(State state, EventType type) {
        assertRefused(state, event(type));
    }

    @Nested
    class TheSampleLifecycle {

        private static final Pattern ROW =
                Pattern.compile("^\\| `(\\d\\d-[^`]+\\.json)` \\| .+? \\| `([A-Z_]+)`.*\\|$");

        @Test
        void acceptsTheFullSampleSequenceInTheStatesTheReadmeLists() {
            String readme = new String(EventSamples.bytes(EventSamples.EVENTS.resolve("README.md")),
                    StandardCharsets.UTF_8);
            List<String> files = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (String line : readme.split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    files.add(row.group(1));
                    states.add(row.group(2));
                }
            }
            assertThat(files).isEqualTo(EventSamples.lifecycle());

            State state = State.initial();
            List<String> reached = new ArrayList<>();
            for (String file : files) {
                state = state.apply(EventSamples.read("valid/" + file));
                reached.add(state.current().name());
            }

            assertThat(reached).isEqualTo(states);
            assertThat(state.encode()).isEqualTo("CLOSED:APPEAL_DECIDED");
        }

        @Test
        void acceptsAbscondingAndReappearingAfterTheInterview() {
            State state = interviewed()
                    .apply(EventSamples.read("valid/other-absconded.json"))
                    .apply(EventSamples.read("valid/other-reappeared.json"));

            assertThat(state).isEqualTo(interviewed());
        }
    }

    @Nested
    class RefusesOutOfOrderEvents {

        @Test
        void refusesRegisteredBeforeReceived() {
            assertRefused(State.initial(), EventType.REGISTERED);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class, names = "RECEIVED", mode = EnumSource.Mode.EXCLUDE)
        void refusesAnythingButReceivedOnAForwardedCase(EventType type) {
            assertRefused(State.initial(), type);
        }

        @Test
        void refusesReceivedTwice() {
            assertRefused(after(RECEIVED), RECEIVED);
        }

        @Test
        void refusesRegisteredTwice() {
            assertRefused(registered(), EventType.REGISTERED);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class,
                names = {"INTERVIEW_SCHEDULED", "INTERVIEW_HELD", "INTERVIEW_NO_SHOW", "VULNERABILITY_IDENTIFIED"})
        void refusesInterviewsAndVulnerabilitiesBeforeRegistered(EventType type) {
            assertRefused(after(RECEIVED), type);
        }

        @Test
        void refusesDecisionBeforeAnInterviewWasHeld() {
            State state = after(RECEIVED, EventType.REGISTERED, INTERVIEW_SCHEDULED, INTERVIEW_NO_SHOW,
                    VULNERABILITY_IDENTIFIED);

            assertThat(state.current()).isEqualTo(REGISTERED);
            assertRefused(state, DECISION);
        }

        @Test
        void refusesDecisionRightAfterReceived() {
            assertRefused(after(RECEIVED), DECISION);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"GRANTED_CONVENTION", "GRANTED_PROTECTION"})
        void refusesAppealLodgedAfterAPositiveDecision(String outcome) {
            State state = after(RECEIVED, EventType.REGISTERED, INTERVIEW_HELD, decision(outcome));

            assertThat(state.current()).isEqualTo(DECIDED_POSITIVE);
            assertRefused(state, APPEAL_LODGED);
        }

        @Test
        void refusesAppealLodgedBeforeAnyDecision() {
            assertRefused(interviewed(), APPEAL_LODGED);
        }

        @Test
        void refusesAppealDecidedWithoutAppealLodged() {
            assertRefused(decidedNegative(), EventType.APPEAL_DECIDED);
        }

        @Test
        void refusesAppealDecidedTwice() {
            State state = decidedNegative().apply(event(APPEAL_LODGED)).apply(appealDecided("UPHELD"));

            assertRefused(state, EventType.APPEAL_DECIDED);
        }

        @Test
        void refusesASecondDecisionWithoutRemittal() {
            assertRefused(decidedNegative(), DECISION);
        }

        @Test
        void refusesADecisionWhileTheAppealIsPending() {
            assertRefused(decidedNegative().apply(event(APPEAL_LODGED)), DECISION);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"UPHELD", "REVERSED"})
        void refusesASecondAppealOnceTheAppealIsDecided(String outcome) {
            State state = decidedNegative().apply(event(APPEAL_LODGED)).apply(appealDecided(outcome));

            assertThat(state.current()).isEqualTo(APPEAL_DECIDED);
            assertRefused(state, APPEAL_LODGED);
        }

        @Test
        void refusesReappearedWhenTheApplicantHasNotDisappeared() {
            assertRefused(interviewed(), REAPPEARED);
        }
    }

    @Nested
    class RefusesEventsAfterTheApplicantLeft {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class, names = {"REAPPEARED", "CASE_CLOSED"}, mode = EnumSource.Mode.EXCLUDE)
        void refusesAnythingButReappearedOrCaseClosedAfterAbsconded(EventType type) {
            State state = interviewed().apply(event(EventType.ABSCONDED));

            assertThat(state.current()).isEqualTo(ABSCONDED);
            assertRefused(state, type);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class, names = "REAPPEARED", mode = EnumSource.Mode.EXCLUDE)
        void refusesAnythingButReappearedAfterCaseClosed(EventType type) {
            State state = interviewed().apply(event(CASE_CLOSED));

            assertThat(state.current()).isEqualTo(CLOSED);
            assertRefused(state, type);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class, names = "CASE_CLOSED", mode = EnumSource.Mode.EXCLUDE)
        void refusesAnythingButCaseClosedAfterWithdrawn(EventType type) {
            State state = interviewed().apply(event(EventType.WITHDRAWN));

            assertThat(state.current()).isEqualTo(WITHDRAWN);
            assertRefused(state, type);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class, names = "CASE_CLOSED", mode = EnumSource.Mode.EXCLUDE)
        void refusesAnythingButCaseClosedAfterTransferred(EventType type) {
            State state = after(RECEIVED, EventType.TRANSFERRED);

            assertThat(state.current()).isEqualTo(TRANSFERRED);
            assertRefused(state, type);
        }
    }

    @Nested
    class DecisionsWhereTheDomainIsSilent {

        @Test
        void theFirstInterviewHeldMovesARegisteredCaseToInterviewed() {
            assertThat(registered().apply(event(INTERVIEW_SCHEDULED)).current()).isEqualTo(REGISTERED);
            assertThat(registered().apply(event(INTERVIEW_NO_SHOW)).current()).isEqualTo(REGISTERED);
            assertThat(registered().apply(event(INTERVIEW_HELD)).current()).isEqualTo(INTERVIEWED);
        }

        @Test
        void acceptsASecondDecisionAfterTheAppealRemittedTheCase() {
            State remitted = decidedNegative().apply(event(APPEAL_LODGED)).apply(appealDecided("REMITTED"));

            assertThat(remitted.current()).isEqualTo(INTERVIEWED);
            assertThat(remitted.apply(decision("GRANTED_PROTECTION")).current()).isEqualTo(DECIDED_POSITIVE);
            assertThat(remitted.apply(decision("REFUSED")).apply(event(APPEAL_LODGED)).current()).isEqualTo(APPEALED);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class,
                names = {"INTERVIEW_SCHEDULED", "INTERVIEW_HELD", "INTERVIEW_NO_SHOW", "VULNERABILITY_IDENTIFIED"})
        void acceptsInterviewsAndVulnerabilitiesAfterAFinalDecisionWithoutChangingTheState(EventType type) {
            State finalRefusal = decidedNegative().apply(event(APPEAL_LODGED)).apply(appealDecided("UPHELD"));

            assertThat(finalRefusal.apply(event(type))).isEqualTo(finalRefusal);
            assertThat(decidedNegative().apply(event(type))).isEqualTo(decidedNegative());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = EventType.class, names = {"ABSCONDED", "WITHDRAWN", "TRANSFERRED", "CASE_CLOSED"})
        void acceptsLeavingTheProcedureInEveryActiveState(EventType type) {
            for (State active : activeStates()) {
                assertThat(active.apply(event(type)).current()).as("%s in %s", type, active)
                        .isNotEqualTo(active.current());
            }
        }

        @Test
        void reappearedReturnsToTheStateBeforeAbsconding() {
            for (State active : activeStates()) {
                State back = active.apply(event(EventType.ABSCONDED)).apply(event(REAPPEARED));

                assertThat(back).isEqualTo(active);
            }
        }

        @Test
        void reappearedReturnsAClosedCaseToTheStateBeforeTheClosure() {
            State granted = after(RECEIVED, EventType.REGISTERED, INTERVIEW_HELD, decision("GRANTED_CONVENTION"));

            assertThat(granted.apply(event(CASE_CLOSED)).apply(event(REAPPEARED))).isEqualTo(granted);
        }

        @Test
        void reappearedAfterClosingAnAbscondedCaseReturnsToTheStateBeforeAbsconding() {
            State closed = decidedNegative().apply(event(EventType.ABSCONDED)).apply(event(CASE_CLOSED));

            assertThat(closed.encode()).isEqualTo("CLOSED:DECIDED_NEGATIVE");
            assertThat(closed.apply(event(REAPPEARED))).isEqualTo(decidedNegative());
        }

        @Test
        void reappearedDoesNotUndoAWithdrawal() {
            State reopened = interviewed().apply(event(EventType.WITHDRAWN)).apply(event(CASE_CLOSED))
                    .apply(event(REAPPEARED));

            assertThat(reopened.current()).isEqualTo(WITHDRAWN);
            assertThat(reopened.apply(event(CASE_CLOSED)).current()).isEqualTo(CLOSED);
        }

        @Test
        void applyingAnEventLeavesTheStateItWasAppliedToUnchanged() {
            State registered = registered();
            registered.apply(event(INTERVIEW_HELD));

            assertThat(registered.current()).isEqualTo(REGISTERED);
            assertThat(State.initial().current()).isEqualTo(FORWARDED);
            assertThat(State.initial().resumeTo()).isEmpty();
        }

        @Test
        void treatsAnUnknownTypeAsAValidationFailureNotATransition() {
            ObjectNode unknown = event(INTERVIEW_HELD).put("type", "INTERVIEWED");

            HubException failure = catchThrowableOfType(HubException.class, () -> interviewed().apply(unknown));

            assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/type");
        }

        @Test
        void treatsADecisionWithoutAKnownOutcomeAsAValidationFailure() {
            HubException failure = catchThrowableOfType(HubException.class,
                    () -> interviewed().apply(decision("UPHELD")));

            assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/outcome");
        }

        @Test
        void refusesTheTransitionBeforeLookingAtTheOutcome() {
            assertRefused(registered(), decision("NOT_AN_OUTCOME"));
        }

        private List<State> activeStates() {
            List<State> states = List.of(after(RECEIVED), registered(), interviewed(), decidedNegative(),
                    after(RECEIVED, EventType.REGISTERED, INTERVIEW_HELD, decision("GRANTED_PROTECTION")),
                    decidedNegative().apply(event(APPEAL_LODGED)),
                    decidedNegative().apply(event(APPEAL_LODGED)).apply(appealDecided("REVERSED")));
            assertThat(states).extracting(State::current)
                    .containsExactlyInAnyOrder(Arrays.stream(CaseState.values())
                            .filter(CaseState::active).toArray(CaseState[]::new));
            return states;
        }
    }
}
