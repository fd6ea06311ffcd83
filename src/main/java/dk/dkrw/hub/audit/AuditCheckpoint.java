package dk.dkrw.hub.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed statement by the hub: "entry {@code seq} of my audit chain has hash {@code headHash}, at
 * {@code signedAt}". The signature (detached CMS) covers exactly {@link #content()}, which is rebuilt from the
 * stored columns, so changing any of them breaks the signature.
 */
public record AuditCheckpoint(long id, long seq, String headHash, Instant signedAt, String signerSha256,
                              byte[] signature) {

    public AuditCheckpoint {
        signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The signed bytes. */
    public byte[] content() {
        return content(seq, headHash, signedAt);
    }

    static byte[] content(long seq, String headHash, Instant signedAt) {
        return ("dkrw-hub audit checkpoint/1\nseq=" + seq + "\nhead=" + headHash + "\nsigned-at="
                + signedAt.truncatedTo(ChronoUnit.MICROS) + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
