package dk.dkrw.hub.signature;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How close one certificate the hub relies on is to its end: EXPIRED (or not yet valid) once outside its
 * validity, EXPIRING inside the warning window, VALID otherwise. {@code name} is a role such as
 * {@code hub-signing} or {@code trust-anchor:<fingerprint prefix>}, never a subject that could name a person.
 */
public record CertificateExpiry(String name, Instant notAfter, long daysLeft, State state) {

    public enum State {
        VALID,
        EXPIRING,
        EXPIRED,
        NOT_YET_VALID
    }

    public static CertificateExpiry of(String name, X509Certificate certificate, Duration warning, Clock clock) {
        Instant now = clock.instant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        long daysLeft = Duration.between(now, notAfter).toDays();
        State state;
        if (!now.isBefore(notAfter)) {
            state = State.EXPIRED;
        } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
            state = State.NOT_YET_VALID;
        } else if (Duration.between(now, notAfter).compareTo(warning) < 0) {
            state = State.EXPIRING;
        } else {
            state = State.VALID;
        }
        return new CertificateExpiry(name, notAfter, daysLeft, state);
    }

    /** The name a trust anchor goes by: its role and the first 16 hex digits of its SHA-256 fingerprint. */
    public static String trustAnchorName(X509Certificate anchor) {
        return "trust-anchor:" + PemFiles.fingerprint(anchor).substring(0, 16);
    }

    public boolean usable() {
        return state == State.VALID || state == State.EXPIRING;
    }
}
