package dk.dkrw.hub.problem;

import java.net.URI;

/**
 * The contract's failure causes. One code travels unchanged to the problem {@code type}, SOAP faults, queue
 * rejections, audit entries and metrics, so it must never be renamed.
 */
public enum ProblemCode {

    MALFORMED_BODY("malformed-body", 400, "Body is not well-formed UTF-8 JSON"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    SIGNATURE_MISSING("signature-missing", 401, "Signature missing or not CMS"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    SIGNATURE_INVALID("signature-invalid", 422, "Signature invalid"),
    SIGNER_UNTRUSTED("signer-untrusted", 422, "Signer not trusted"),
    CERTIFICATE_EXPIRED("certificate-expired", 422, "Signer certificate expired or not yet valid"),
    CERTIFICATE_REVOKED("certificate-revoked", 422, "Signer certificate revoked"),
    SIGNING_TIME_SKEW("signing-time-skew", 422, "Signing time too far in the future"),
    PARTY_MISMATCH("party-mismatch", 403, "TLS client and document signer are different parties"),
    FORBIDDEN("forbidden", 403, "Operation not allowed for this party"),
    VALIDATION_FAILED("validation-failed", 422, "Validation failed"),
    ATTACHMENT_MISSING("attachment-missing", 422, "Listed attachment not held"),
    ATTACHMENT_HASH_MISMATCH("attachment-hash-mismatch", 422, "Uploaded bytes do not hash to the path"),
    CONFLICT("conflict", 409, "Conflict"),
    SEQUENCE_GAP("sequence-gap", 409, "Event sequence gap"),
    TRANSITION_REFUSED("transition-refused", 422, "Transition refused"),
    NOT_FOUND("not-found", 404, "Not found"),
    RATE_LIMITED("rate-limited", 429, "Rate limit exceeded"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable");

    private static final String TYPE_PREFIX = "urn:dkrw-hub:problem:";

    private final String code;
    private final int status;
    private final String title;

    ProblemCode(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + code);
    }
}
