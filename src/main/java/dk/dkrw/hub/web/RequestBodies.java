package dk.dkrw.hub.web;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads partner request bodies within their limits: the content type is checked before a byte is read, a
 * declared length over the limit is refused without reading, and a streamed body is cut off at the limit.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** Requires {@code expected} (UTF-8 or no charset for JSON types); anything else is 415. */
    public static void requireContentType(HttpServletRequest request, MediaType expected) {
        String header = request.getContentType();
        MediaType actual;
        try {
            actual = header == null ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            actual = null;
        }
        if (actual == null || !expected.equalsTypeAndSubtype(actual)) {
            throw new HubException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + expected);
        }
        if (actual.getCharset() != null && !StandardCharsets.UTF_8.equals(actual.getCharset())) {
            throw new HubException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "only UTF-8 is accepted");
        }
    }

    /** Refuses a declared length over the limit before reading anything. */
    public static void requireDeclaredLengthWithin(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
    }

    public static byte[] readAll(HttpServletRequest request, long limit) throws IOException {
        requireDeclaredLengthWithin(request, limit);
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] chunk = new byte[16384];
        long total = 0;
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                buffer.write(chunk, 0, n);
            }
        }
        return buffer.toByteArray();
    }

    public static HubException tooLarge(long limit) {
        return new HubException(ProblemCode.PAYLOAD_TOO_LARGE, "body exceeds the limit of " + limit + " bytes");
    }
}
