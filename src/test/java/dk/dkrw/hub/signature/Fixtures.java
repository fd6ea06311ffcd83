package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixture files under {@code src/test/resources/signature/}, and the code a rejection carries. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/signature/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.US_ASCII).strip();
    }

    /** The code of the {@link SignatureException} the call throws; fails the test when it throws none. */
    static ProblemCode rejection(Runnable call) {
        return rejectionOf(call).code();
    }

    static SignatureException rejectionOf(Runnable call) {
        try {
            call.run();
        } catch (SignatureException e) {
            return e;
        }
        throw new AssertionError("expected a SignatureException, but the call succeeded");
    }
}
