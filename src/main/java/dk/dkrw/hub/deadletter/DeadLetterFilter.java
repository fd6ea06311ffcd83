package dk.dkrw.hub.deadletter;

/**
 * Which dead letters to list or replay; a null field does not restrict. {@code state} null means every state.
 * Values are only ever bound as SQL parameters.
 */
public record DeadLetterFilter(DeadLetterState state, String route, String cause, String caseId) {

    public static DeadLetterFilter open(String route, String cause, String caseId) {
        return new DeadLetterFilter(DeadLetterState.OPEN, route, cause, caseId);
    }
}
