package dk.dkrw.hub.transform;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Keyed pseudonyms for what Kigali may correlate but never resolve: HMAC-SHA256 under a hub-held key. The hub,
 * holding the key and the Danish records, can recompute a pseudonym to find its case; Kigali cannot invert one.
 *
 * <p>Thread-safe: an initialised {@link Mac} is kept as a prototype that is never used itself, and every call works
 * on a clone of it (cheaper than {@code Mac.getInstance} + {@code init}, and leaves no key material in thread
 * locals of pooled threads).
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;
    private static final int PERSON_REF_HEX_CHARS = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final Mac prototype;
    private final boolean cloneable;

    /** @param key the hub's pseudonymisation key, at least 32 bytes; copied, so the caller may wipe its array */
    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymisation key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.prototype = freshMac(this.key);
        this.cloneable = canClone(prototype);
    }

    /** Lower-case hex HMAC-SHA256 of the UTF-8 bytes of {@code udlNr}, taken as given (it is an opaque string). */
    public String dkPseudonym(String udlNr) {
        Objects.requireNonNull(udlNr, "udlNr");
        return HEX.formatHex(hmac(udlNr));
    }

    /**
     * A per-case person reference, {@code "P-"} + 16 hex of HMAC({@code "person|" + caseId + "|" + personId}).
     * Both ids are UUIDs and compared case-insensitively, so they are lower-cased first: an agency that changes
     * the letter case of a personId between dossier versions still gets the same reference. Stable across versions
     * of one case; unrelated between cases, so Kigali cannot link a person across cases by reference.
     */
    public String personRef(String caseId, String personId) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(personId, "personId");
        if (caseId.indexOf('|') >= 0) {
            // keeps the HMAC input unambiguous: "person|" caseId "|" personId splits one way only
            throw new IllegalArgumentException("caseId must not contain '|'");
        }
        byte[] mac = hmac("person|" + caseId.toLowerCase(Locale.ROOT) + "|" + personId.toLowerCase(Locale.ROOT));
        return "P-" + HEX.formatHex(mac, 0, PERSON_REF_HEX_CHARS / 2);
    }

    @Override
    public String toString() {
        return "Pseudonymizer[" + ALGORITHM + "]";
    }

    private byte[] hmac(String input) {
        return mac().doFinal(input.getBytes(StandardCharsets.UTF_8));
    }

    private Mac mac() {
        if (cloneable) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("HMAC clone failed after it succeeded once", e);
            }
        }
        return freshMac(key);
    }

    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    private static Mac freshMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
