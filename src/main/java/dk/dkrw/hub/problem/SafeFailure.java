package dk.dkrw.hub.problem;

/**
 * Describes an unexpected failure for logs without its messages: library exception messages can quote input
 * (a JSON snippet, an SQL value), so only the exception classes and the top frames are kept.
 */
public final class SafeFailure {

    private static final int FRAMES = 6;

    private SafeFailure() {
    }

    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        int depth = 0;
        while (current != null && depth++ < 5) {
            if (text.length() > 0) {
                text.append(" <- caused by ");
            }
            text.append(current.getClass().getName());
            if (current instanceof HubException coded) {
                text.append('[').append(coded.code().code()).append(": ").append(coded.detail()).append(']');
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                text.append("\n\tat ").append(frames[i]);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return text.toString();
    }
}
