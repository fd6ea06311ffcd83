package dk.dkrw.hub.deadletter;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

/**
 * A failure reduced to what may be stored and shown to operators: the contract code and a text that holds
 * ids and codes only. A library exception contributes its class name, never its message (which can quote data).
 */
public record FailureCause(String code, String text) {

    private static final int MAX_TEXT = 256;

    public static FailureCause of(Throwable failure) {
        Throwable coded = failure;
        while (coded != null && !(coded instanceof HubException)) {
            coded = coded.getCause();
        }
        if (coded instanceof HubException hub) {
            return new FailureCause(hub.code().code(), truncate(hub.detail()));
        }
        return new FailureCause(ProblemCode.INTERNAL_ERROR.code(),
                truncate("unexpected " + (failure == null ? "failure" : failure.getClass().getSimpleName())));
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
