package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certificates a signer's chain must reach, plus the CRLs revocation is checked against. Immutable: a changed
 * anchor or CRL file means a new instance and so a new {@link CmsVerifier}, whose chain cache then starts empty.
 */
public final class TrustAnchors {

    private static final String DEVELOPMENT_MARKER = "DEVELOPMENT ONLY";

    private final List<X509Certificate> certificates;
    private final List<X509CRL> crls;
    private final Set<TrustAnchor> pkixAnchors;

    private TrustAnchors(Collection<X509Certificate> certificates, Collection<X509CRL> crls) {
        this.certificates = List.copyOf(new LinkedHashSet<>(certificates));
        this.crls = List.copyOf(crls);
        if (this.certificates.isEmpty()) {
            throw new SignatureException(ProblemCode.INTERNAL_ERROR, "no trust anchor configured");
        }
        for (X509CRL crl : this.crls) {
            boolean anchorIssued = this.certificates.stream()
                    .anyMatch(a -> a.getSubjectX500Principal().equals(crl.getIssuerX500Principal()));
            if (anchorIssued && this.certificates.stream().noneMatch(a -> isSignedBy(crl, a))) {
                throw new SignatureException(ProblemCode.INTERNAL_ERROR, "a configured CRL names an anchor as"
                        + " issuer but is not signed by it");
            }
        }
        this.pkixAnchors = this.certificates.stream()
                .map(certificate -> new TrustAnchor(certificate, null))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every certificate in the anchor files is an anchor; every CRL file holds one CRL. */
    public static TrustAnchors load(List<Path> anchorPemFiles, List<Path> crlPemFiles) {
        return of(anchorPemFiles.stream().flatMap(file -> PemFiles.readCertificates(file).stream()).toList(),
                crlPemFiles.stream().map(PemFiles::readCrl).toList());
    }

    public static TrustAnchors of(Collection<X509Certificate> anchors, Collection<X509CRL> crls) {
        return new TrustAnchors(anchors, crls);
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    public List<X509CRL> crls() {
        return crls;
    }

    /** True when any anchor is a certs-dev CA, so the application can warn loudly at startup. */
    public boolean isDevelopmentAnchor() {
        return certificates.stream()
                .anyMatch(c -> c.getSubjectX500Principal().getName().contains(DEVELOPMENT_MARKER));
    }

    static boolean isSignedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    Set<TrustAnchor> pkixAnchors() {
        return pkixAnchors;
    }
}
