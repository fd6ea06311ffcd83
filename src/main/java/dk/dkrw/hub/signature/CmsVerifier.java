package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;

/**
 * Verifies a detached CMS SignedData (RFC 5652, DER, base64 in a header) over the exact bytes received, as the
 * contract's "Document signatures" section requires, and names every failure with its contract code.
 *
 * <p>Order of checks, cheapest and most basic first: decoding and structure (signature-missing); detached, one
 * signer, accepted algorithms, mandatory signed attributes (signature-invalid); a refused signer key type or size
 * (signer-untrusted; RSA below 2048 bits lands here, the math is never attempted with such a key); signature math
 * and message digest, ESS signing-certificate (signature-invalid); chain to an anchor and key usage
 * digitalSignature or nonRepudiation, the extension being required (signer-untrusted) and revocation by the
 * configured CRLs (certificate-revoked); chain validity now (certificate-expired); signing time against the skew
 * (signing-time-skew); chain validity at signing time (certificate-expired). An attached (non-detached) signature
 * is signature-invalid even over the same bytes. Extended key usage is not checked.
 *
 * <p>The chain verdict is cached per signer certificate (see {@link SignerTrust}); validity and skew are checked
 * on every message. Thread-safe.
 */
public final class CmsVerifier {

    private final SignerTrust trust;
    private final Duration maxFutureSkew;
    private final Clock clock;

    public CmsVerifier(TrustAnchors anchors, Duration maxFutureSkew, Clock clock) {
        Objects.requireNonNull(anchors, "anchors");
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFutureSkew = maxFutureSkew;
        this.trust = new SignerTrust(anchors, clock);
    }

    public VerifiedSignature verify(byte[] content, String base64Signature) {
        Objects.requireNonNull(content, "content");
        CMSSignedData signedData = parse(decode(base64Signature), content);
        SignerInformation signerInfo = onlySigner(signedData);
        X509CertificateHolder certificate = signerCertificate(signedData, signerInfo);
        SignerPolicy.checkAlgorithms(signerInfo);
        Instant signingTime = SignedAttributes.requireMandatory(signerInfo);

        SignerTrust.Signer signer = trust.signer(certificate, signedData.getCertificates());
        if (signer.verifier() == null) {
            throw rejection(signer.outcome());
        }
        checkSignatureValue(signerInfo, signer);
        SignedAttributes.checkSigningCertificate(signerInfo, certificate);
        if (signer.outcome().rejection() != null) {
            throw rejection(signer.outcome());
        }
        checkTimes(signer, signingTime);
        return new VerifiedSignature(signer.certificate(), signer.fingerprint(), signer.subject(), signingTime);
    }

    /** Validity is judged per message, never cached: a cached signer expires like any other. */
    private void checkTimes(SignerTrust.Signer signer, Instant signingTime) {
        Instant now = clock.instant();
        requireWithin(signer, now, "now");
        if (signingTime.isAfter(now.plus(maxFutureSkew))) {
            throw new SignatureException(ProblemCode.SIGNING_TIME_SKEW, "signing time is "
                    + Duration.between(now, signingTime).toSeconds() + " s in the future, at most "
                    + maxFutureSkew.toSeconds() + " s allowed");
        }
        requireWithin(signer, signingTime, "at signing time");
    }

    private static byte[] decode(String base64Signature) {
        if (base64Signature == null || base64Signature.isBlank()) {
            throw missing("no signature");
        }
        try {
            return Base64.getDecoder().decode(base64Signature.strip());
        } catch (IllegalArgumentException e) {
            throw missing("signature is not base64");
        }
    }

    private static CMSSignedData parse(byte[] der, byte[] content) {
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (contentInfo == null || !CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
                throw missing("signature is not CMS SignedData");
            }
            SignedData signedData = SignedData.getInstance(contentInfo.getContent());
            if (signedData.getEncapContentInfo().getContent() != null) {
                throw new SignatureException(ProblemCode.SIGNATURE_INVALID, "signature must be detached");
            }
            if (!CMSObjectIdentifiers.data.equals(signedData.getEncapContentInfo().getContentType())) {
                throw new SignatureException(ProblemCode.SIGNATURE_INVALID, "signed content type is not id-data");
            }
            return new CMSSignedData(new CMSProcessableByteArray(content), contentInfo);
        } catch (SignatureException e) {
            throw e;
        } catch (Exception e) {
            // ASN.1 parsing reports malformed input through IOException and assorted runtime exceptions.
            throw missing("signature is not CMS SignedData");
        }
    }

    private static SignerInformation onlySigner(CMSSignedData signedData) {
        Collection<SignerInformation> signers;
        try {
            signers = signedData.getSignerInfos().getSigners();
        } catch (RuntimeException e) {
            throw missing("signer information unreadable");
        }
        if (signers.isEmpty()) {
            throw missing("signature has no signer");
        }
        if (signers.size() > 1) {
            throw new SignatureException(ProblemCode.SIGNATURE_INVALID, "signature has " + signers.size()
                    + " signers, exactly one required");
        }
        return signers.iterator().next();
    }

    private static X509CertificateHolder signerCertificate(CMSSignedData signedData, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signedData.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw missing("signer certificate not included");
        }
        if (matches.size() > 1) {
            throw new SignatureException(ProblemCode.SIGNATURE_INVALID, "signer identifier matches "
                    + matches.size() + " certificates");
        }
        return matches.iterator().next();
    }

    private static void checkSignatureValue(SignerInformation signerInfo, SignerTrust.Signer signer) {
        try {
            if (!signerInfo.verify(signer.verifier())) {
                throw new SignatureException(ProblemCode.SIGNATURE_INVALID, "signature value does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            throw new SignatureException(ProblemCode.SIGNATURE_INVALID, "message digest does not match the content");
        } catch (CMSException | RuntimeException e) {
            if (e instanceof SignatureException signatureException) {
                throw signatureException;
            }
            throw new SignatureException(ProblemCode.SIGNATURE_INVALID, "signature value does not verify");
        }
    }

    private static void requireWithin(SignerTrust.Signer signer, Instant instant, String when) {
        ChainValidator.Outcome outcome = signer.outcome();
        if (instant.isBefore(outcome.validFrom()) || instant.isAfter(outcome.validUntil())) {
            throw new SignatureException(ProblemCode.CERTIFICATE_EXPIRED, "signer certificate "
                    + signer.fingerprint() + " or its chain is not valid " + when);
        }
    }

    private static SignatureException rejection(ChainValidator.Outcome outcome) {
        return new SignatureException(outcome.rejection(), outcome.detail());
    }

    private static SignatureException missing(String detail) {
        return new SignatureException(ProblemCode.SIGNATURE_MISSING, detail);
    }
}
