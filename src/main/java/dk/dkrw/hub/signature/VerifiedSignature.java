package dk.dkrw.hub.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A signature that passed every check. {@code signerSubject} is the RFC 2253 subject, for matching against the
 * party registry; {@code signerFingerprint} is the lower-case hex SHA-256 of the certificate DER.
 */
public record VerifiedSignature(X509Certificate signer, String signerFingerprint, String signerSubject,
                                Instant signingTime) {
}
