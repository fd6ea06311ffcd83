package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * PKIX chain of one signer certificate to a configured anchor (JDK builder, intermediates only from the CMS
 * message), then key usage and revocation against the configured CRLs only: revocation checking of the JDK
 * builder stays off, so nothing is ever fetched from the network. The result does not depend on the time of day:
 * the chain is judged at a moment inside the signer's own validity, and the validity window of the whole chain is
 * returned for the verifier to check against "now" and the signing time on every message.
 */
final class ChainValidator {

    /**
     * The verdict on one signer certificate. {@code chained}: the chain reached an anchor. {@code rejection}: null
     * when trusted. {@code validFrom}/{@code validUntil}: the intersection of the validity of every certificate
     * in the chain, anchor included.
     */
    record Outcome(boolean chained, ProblemCode rejection, String detail, Instant validFrom, Instant validUntil) {

        static Outcome rejected(ProblemCode code, String detail, boolean chained) {
            return new Outcome(chained, code, detail, null, null);
        }
    }

    private final TrustAnchors anchors;
    private final Clock clock;

    ChainValidator(TrustAnchors anchors, Clock clock) {
        this.anchors = anchors;
        this.clock = clock;
    }

    Outcome validate(X509Certificate signer, String fingerprint, List<X509Certificate> intermediates) {
        PKIXCertPathBuilderResult result;
        try {
            result = build(signer, intermediates);
        } catch (CertPathBuilderException e) {
            return Outcome.rejected(ProblemCode.SIGNER_UNTRUSTED,
                    "signer certificate " + fingerprint + " does not chain to a trust anchor", false);
        } catch (GeneralSecurityException e) {
            throw new SignatureException(ProblemCode.INTERNAL_ERROR, "PKIX path building unavailable", e);
        }
        @SuppressWarnings("unchecked")
        List<X509Certificate> path = new ArrayList<>((List<X509Certificate>) result.getCertPath().getCertificates());
        X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
        if (!hasSigningKeyUsage(signer)) {
            return Outcome.rejected(ProblemCode.SIGNER_UNTRUSTED, "signer certificate " + fingerprint
                    + " key usage has neither digitalSignature nor nonRepudiation", true);
        }
        if (isRevoked(path, anchor)) {
            return Outcome.rejected(ProblemCode.CERTIFICATE_REVOKED,
                    "signer certificate " + fingerprint + " or its chain is revoked", true);
        }
        path.add(anchor);
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (X509Certificate certificate : path) {
            from = max(from, certificate.getNotBefore().toInstant());
            until = min(until, certificate.getNotAfter().toInstant());
        }
        return new Outcome(true, null, null, from, until);
    }

    private PKIXCertPathBuilderResult build(X509Certificate signer, List<X509Certificate> intermediates)
            throws GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(signer);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors.pkixAnchors(), target);
        parameters.setRevocationEnabled(false);
        parameters.setDate(judgementDate(signer));
        List<Certificate> pool = new ArrayList<>(intermediates);
        pool.add(signer);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    }

    /** Now, or the nearest moment inside the signer's validity, so that "expired" never reads as "untrusted". */
    private Date judgementDate(X509Certificate signer) {
        Date now = Date.from(clock.instant());
        if (now.before(signer.getNotBefore())) {
            return signer.getNotBefore();
        }
        if (now.after(signer.getNotAfter())) {
            return signer.getNotAfter();
        }
        return now;
    }

    private static boolean hasSigningKeyUsage(X509Certificate signer) {
        boolean[] usage = signer.getKeyUsage();
        return usage != null && ((usage.length > 0 && usage[0]) || (usage.length > 1 && usage[1]));
    }

    /** Every certificate of the path against every configured CRL of its issuer whose signature verifies. */
    private boolean isRevoked(List<X509Certificate> path, X509Certificate anchor) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            for (X509CRL crl : anchors.crls()) {
                if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                        && TrustAnchors.isSignedBy(crl, issuer) && crl.isRevoked(certificate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
