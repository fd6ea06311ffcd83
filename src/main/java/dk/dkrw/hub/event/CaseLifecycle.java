package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

/**
 * The lifecycle of a case as its {@code rw-case-event/1}s tell it (domain.md, "Lifecycle"). The normative rules:
 * a case starts FORWARDED; RECEIVED first; then REGISTERED; then any of INTERVIEW_*, VULNERABILITY_IDENTIFIED;
 * DECISION only after an INTERVIEW_HELD; APPEAL_LODGED only after a negative DECISION; APPEAL_DECIDED only after
 * APPEAL_LODGED; ABSCONDED any time after RECEIVED, then only REAPPEARED or CASE_CLOSED; WITHDRAWN and
 * TRANSFERRED any time after RECEIVED; after CASE_CLOSED only REAPPEARED. Where domain.md is silent:
 * <ul>
 *   <li>RECEIVED and REGISTERED happen once each; a returning applicant is REAPPEARED, not RECEIVED again.</li>
 *   <li>"Any time after RECEIVED" means in an {@linkplain CaseState#active() active} state: not once the case
 *       is WITHDRAWN, TRANSFERRED, ABSCONDED or CLOSED (ABSCONDED and CLOSED have their own lists).</li>
 *   <li>After WITHDRAWN or TRANSFERRED only CASE_CLOSED: the applicant has left the procedure.</li>
 *   <li>CASE_CLOSED is allowed in every state after RECEIVED except CLOSED itself.</li>
 *   <li>INTERVIEW_* and VULNERABILITY_IDENTIFIED stay allowed after a decision (e.g. a RETURN interview after a
 *       final refusal) and leave the state as it is; only the first INTERVIEW_HELD moves REGISTERED on.</li>
 *   <li>One first-instance DECISION per round: a second one only after an appeal was decided REMITTED, which
 *       returns the case to INTERVIEWED (the interview held before still counts, new ones are allowed).</li>
 *   <li>One appeal per decision: APPEAL_LODGED only in DECIDED_NEGATIVE; UPHELD and REVERSED are final.</li>
 *   <li>REAPPEARED returns the case to where it stood before it was interrupted: after ABSCONDED to the state
 *       before ABSCONDED; after CASE_CLOSED to the state before the closure, or, when the closed case had
 *       absconded, to the state before ABSCONDED (reappearing ends both). It does not undo a withdrawal or a
 *       transfer: such a case, reopened, can only be closed again.</li>
 * </ul>
 */
public final class CaseLifecycle {

    private CaseLifecycle() {
    }

    /**
     * An immutable lifecycle position: the current {@link CaseState} and, in ABSCONDED and CLOSED only, the
     * state REAPPEARED returns to. Stored by the hub in one column as {@link #encode()}.
     */
    public static final class State {

        private static final State INITIAL = new State(FORWARDED, null);
        private static final char SEPARATOR = ':';

        private final CaseState current;
        private final CaseState resumeTo;

        private State(CaseState current, CaseState resumeTo) {
            this.current = current;
            this.resumeTo = resumeTo;
        }

        /** A case that was just forwarded to Kigali and has no event yet. */
        public static State initial() {
            return INITIAL;
        }

        public CaseState current() {
            return current;
        }

        /** The state REAPPEARED returns to; present in ABSCONDED and CLOSED only. */
        public Optional<CaseState> resumeTo() {
            return Optional.ofNullable(resumeTo);
        }

        /**
         * The state after {@code event}, which should have passed {@link EventValidator} (only {@code /type} and,
         * for DECISION and APPEAL_DECIDED, {@code /outcome} are read).
         *
         * @throws HubException {@code transition-refused} naming the event type and the current state when the
         *                      lifecycle does not allow the event here; {@code validation-failed} when the type
         *                      or a needed outcome is missing or unknown
         */
        public State apply(JsonNode event) {
            Objects.requireNonNull(event, "event");
            EventType type = EventType.of(event)
                    .orElseThrow(() -> invalid("/type", "must be one of the rw-case-event/1 types"));
            State next = next(type, event);
            if (next == null) {
                throw new HubException(ProblemCode.TRANSITION_REFUSED,
                        "event type " + type + " is not allowed in case state " + current);
            }
            return next;
        }

        /** The next state, or null when the lifecycle refuses {@code type} in this state. */
        private State next(EventType type, JsonNode event) {
            return switch (type) {
                case RECEIVED -> current == FORWARDED ? of(CaseState.RECEIVED) : null;
                case REGISTERED -> current == CaseState.RECEIVED ? of(REGISTERED) : null;
                case INTERVIEW_SCHEDULED, INTERVIEW_NO_SHOW, VULNERABILITY_IDENTIFIED ->
                        current.registered() ? this : null;
                case INTERVIEW_HELD -> current.registered() ? of(current == REGISTERED ? INTERVIEWED : current) : null;
                case DECISION -> current == INTERVIEWED ? of(decided(event)) : null;
                case APPEAL_LODGED -> current == DECIDED_NEGATIVE ? of(APPEALED) : null;
                case APPEAL_DECIDED -> current == APPEALED ? of(appealDecided(event)) : null;
                case WITHDRAWN -> current.active() ? of(WITHDRAWN) : null;
                case TRANSFERRED -> current.active() ? of(TRANSFERRED) : null;
                case ABSCONDED -> current.active() ? new State(ABSCONDED, current) : null;
                case REAPPEARED -> resumeTo != null ? of(resumeTo) : null;
                case CASE_CLOSED -> current != FORWARDED && current != CLOSED
                        ? new State(CLOSED, current == ABSCONDED ? resumeTo : current) : null;
            };
        }

        private static CaseState decided(JsonNode event) {
            return switch (outcome(event)) {
                case "GRANTED_CONVENTION", "GRANTED_PROTECTION" -> DECIDED_POSITIVE;
                case "REFUSED", "INADMISSIBLE", "MANIFESTLY_UNFOUNDED" -> DECIDED_NEGATIVE;
                default -> throw invalid("/outcome", "must be a DECISION outcome");
            };
        }

        private static CaseState appealDecided(JsonNode event) {
            return switch (outcome(event)) {
                case "UPHELD", "REVERSED" -> APPEAL_DECIDED;
                case "REMITTED" -> INTERVIEWED;
                default -> throw invalid("/outcome", "must be an APPEAL_DECIDED outcome");
            };
        }

        private static String outcome(JsonNode event) {
            JsonNode outcome = event.path("outcome");
            return outcome.isTextual() ? outcome.textValue() : "";
        }

        private static HubException invalid(String pointer, String message) {
            return new HubException(ProblemCode.VALIDATION_FAILED, "the event has 1 violation(s)",
                    List.of(new Violation(pointer, message)));
        }

        private static State of(CaseState state) {
            return state == FORWARDED ? INITIAL : new State(state, null);
        }

        /**
         * The state's names, short enough for one column: {@code CURRENT}, or {@code CURRENT:RESUME_TO} in
         * ABSCONDED and CLOSED, e.g. {@code DECIDED_NEGATIVE}, {@code ABSCONDED:INTERVIEWED}.
         */
        public String encode() {
            return resumeTo == null ? current.name() : current.name() + SEPARATOR + resumeTo.name();
        }

        /**
         * The state {@link #encode()} wrote. Accepts exactly the encodings of reachable states.
         *
         * @throws IllegalArgumentException when {@code encoded} is not one
         */
        public static State decode(String encoded) {
            if (encoded == null) {
                throw new IllegalArgumentException("no encoded case state");
            }
            int separator = encoded.indexOf(SEPARATOR);
            CaseState current = stateNamed(separator < 0 ? encoded : encoded.substring(0, separator));
            CaseState resumeTo = separator < 0 ? null : stateNamed(encoded.substring(separator + 1));
            if (!consistent(current, resumeTo)) {
                throw new IllegalArgumentException("not a reachable case state: " + current + " resuming " + resumeTo);
            }
            return resumeTo == null ? of(current) : new State(current, resumeTo);
        }

        /** ABSCONDED resumes to an active state; CLOSED to an active state, WITHDRAWN or TRANSFERRED; others never. */
        private static boolean consistent(CaseState current, CaseState resumeTo) {
            return switch (current) {
                case ABSCONDED -> resumeTo != null && resumeTo.active();
                case CLOSED -> resumeTo != null
                        && (resumeTo.active() || resumeTo == WITHDRAWN || resumeTo == TRANSFERRED);
                default -> resumeTo == null;
            };
        }

        private static CaseState stateNamed(String name) {
            for (CaseState state : CaseState.values()) {
                if (state.name().equals(name)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("not an encoded case state");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof State that && current == that.current && resumeTo == that.resumeTo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(current, resumeTo);
        }

        @Override
        public String toString() {
            return encode();
        }
    }
}
