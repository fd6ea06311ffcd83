package dk.dkrw.hub.cases;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The opaque feed cursor: a versioned, base64url-wrapped feed sequence number. */
final class FeedCursor {

    private static final String PREFIX = "f1:";

    private FeedCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The sequence after which to read; 0 (the beginning) when there is no cursor. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new HubException(ProblemCode.VALIDATION_FAILED, "the cursor is not one this hub issued",
                List.of(new Violation("", "query parameter 'after' is not a valid cursor")));
    }
}
