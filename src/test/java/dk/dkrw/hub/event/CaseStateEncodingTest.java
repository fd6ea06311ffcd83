package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.event.CaseLifecycle.State;
import dk.dkrw.hub.problem.HubException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A lifecycle state fits one database column: encode and decode round-trip, and nothing else decodes. */
class CaseStateEncodingTest {

    /** Every state reachable from a forwarded case by any sequence of events, every outcome included. */
    static List<State> reachableStates() {
        List<ObjectNode> events = new ArrayList<>();
        for (EventType type : EventType.values()) {
            events.add(CaseLifecycleTest.event(type));
        }
        for (String outcome : List.of("GRANTED_CONVENTION", "GRANTED_PROTECTION", "INADMISSIBLE",
                "MANIFESTLY_UNFOUNDED")) {
            events.add(CaseLifecycleTest.decision(outcome));
        }
        for (String outcome : List.of("REVERSED", "REMITTED")) {
            events.add(CaseLifecycleTest.appealDecided(outcome));
        }
        Set<State> seen = new LinkedHashSet<>(List.of(State.initial()));
        Deque<State> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            State state = todo.pop();
            for (ObjectNode event : events) {
                try {
                    State next = state.apply(event);
                    if (seen.add(next)) {
                        todo.add(next);
                    }
                } catch (HubException refused) {
                    // not allowed here: no edge
                }
            }
        }
        return List.copyOf(seen);
    }

    @Nested
    class RoundTrip {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dk.dkrw.hub.event.CaseStateEncodingTest#reachableStates")
        void decodesWhatItEncodedForEveryReachableState(State state) {
            String encoded = state.encode();

            assertThat(State.decode(encoded)).isEqualTo(state);
            assertThat(State.decode(encoded).encode()).isEqualTo(encoded);
            assertThat(encoded).hasSizeLessThanOrEqualTo(40).matches("[A-Z_]+(:[A-Z_]+)?");
        }

        @Test
        void reachesEveryCaseState() {
            assertThat(reachableStates()).extracting(State::current).containsOnly(CaseState.values());
        }

        @Test
        void encodesTheResumeStateOnlyWhereReappearingNeedsIt() {
            assertThat(State.initial().encode()).isEqualTo("FORWARDED");
            assertThat(reachableStates()).allSatisfy(state -> assertThat(state.resumeTo().isPresent())
                    .isEqualTo(state.current() == CaseState.ABSCONDED || state.current() == CaseState.CLOSED));
        }
    }

    @Nested
    class RefusesWhatNoCaseCanReach {

        @Test
        void decodesExactlyTheReachableStates() {
            Set<String> reachable = new LinkedHashSet<>();
            reachableStates().forEach(s -> reachable.add(s.encode()));
            List<String> decodable = new ArrayList<>();
            for (CaseState current : CaseState.values()) {
                tryDecode(current.name(), decodable);
                for (CaseState resume : CaseState.values()) {
                    tryDecode(current.name() + ":" + resume.name(), decodable);
                }
            }

            assertThat(decodable).containsExactlyInAnyOrderElementsOf(reachable);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "forwarded", "CLOSED", "ABSCONDED", "CLOSED:", ":CLOSED", "CLOSED:ABSCONDED",
                "ABSCONDED:WITHDRAWN", "INTERVIEWED:REGISTERED", "CLOSED:APPEALED:X", " RECEIVED", "UNKNOWN"})
        void refusesAnEncodingNoCaseCanReach(String encoded) {
            assertThatIllegalArgumentException().isThrownBy(() -> State.decode(encoded));
        }

        @Test
        void refusesNull() {
            assertThatIllegalArgumentException().isThrownBy(() -> State.decode(null));
        }

        private void tryDecode(String encoded, List<String> decodable) {
            try {
                decodable.add(State.decode(encoded).encode());
            } catch (IllegalArgumentException refused) {
                // not a reachable state
            }
        }
    }
}
