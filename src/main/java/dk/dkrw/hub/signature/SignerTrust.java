package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the verifier knows about one signer certificate, computed once and cached by fingerprint: the parsed
 * certificate, a ready Bouncy Castle verifier for its key, and the outcome of the chain check
 * ({@link ChainValidator}). Only certificates whose chain reached an anchor are cached (trusted, revoked or with
 * a wrong key usage alike), so a stranger's certificates cannot fill the cache; it is also bounded.
 */
final class SignerTrust {

    private static final int MAX_CACHED_SIGNERS = 10_000;

    /**
     * A signer certificate and the verdict on it. {@code verifier} is null only when the key itself is refused,
     * in which case the outcome says why.
     */
    record Signer(X509Certificate certificate, String fingerprint, String subject, SignerInformationVerifier verifier,
                  ChainValidator.Outcome outcome) {
    }

    private final ChainValidator chains;
    private final DigestCalculatorProvider digests;
    private final Map<String, Signer> cache = new ConcurrentHashMap<>();

    SignerTrust(TrustAnchors anchors, Clock clock) {
        this.chains = new ChainValidator(anchors, clock);
        try {
            // JDK digests: SHA-256 runs on CPU intrinsics there, about 6x Bouncy Castle's (performance.md).
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    /** {@code messageCertificates}: every certificate the CMS message carries; read only on a cache miss. */
    Signer signer(X509CertificateHolder certificate, Store<X509CertificateHolder> messageCertificates) {
        byte[] encoded = encoded(certificate);
        String fingerprint = PemFiles.sha256Hex(encoded);
        Signer cached = cache.get(fingerprint);
        if (cached != null) {
            return cached;
        }
        Signer signer = evaluate(certificate, encoded, fingerprint, messageCertificates.getMatches(null));
        if (signer.outcome().chained()) {
            if (cache.size() >= MAX_CACHED_SIGNERS) {
                cache.clear();
            }
            cache.putIfAbsent(fingerprint, signer);
        }
        return signer;
    }

    private Signer evaluate(X509CertificateHolder holder, byte[] encoded, String fingerprint,
                            Collection<X509CertificateHolder> otherCertificates) {
        X509Certificate certificate = toCertificate(encoded);
        String subject = certificate.getSubjectX500Principal().getName();
        String keyRejection = SignerPolicy.keyRejection(holder.getSubjectPublicKeyInfo());
        if (keyRejection != null) {
            return new Signer(certificate, fingerprint, subject, null,
                    ChainValidator.Outcome.rejected(ProblemCode.SIGNER_UNTRUSTED,
                            "signer certificate " + fingerprint + ": " + keyRejection, false));
        }
        List<X509Certificate> others = new ArrayList<>();
        for (X509CertificateHolder other : otherCertificates) {
            others.add(toCertificate(encoded(other)));
        }
        return new Signer(certificate, fingerprint, subject, verifierFor(holder),
                chains.validate(certificate, fingerprint, others));
    }

    private SignerInformationVerifier verifierFor(X509CertificateHolder holder) {
        try {
            // A Bouncy Castle key object, converted once, so no per-message conversion of a JDK key and BC keeps
            // its precomputation for the point. No associated certificate: BC would then judge validity at
            // signing time itself, before the chain and skew checks that must come first.
            PublicKey key = BouncyCastle.publicKey(holder.getSubjectPublicKeyInfo());
            return new SignerInformationVerifier(new DefaultCMSSignatureAlgorithmNameGenerator(),
                    new DefaultSignatureAlgorithmIdentifierFinder(),
                    new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(key),
                    digests);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new SignatureException(ProblemCode.SIGNER_UNTRUSTED, "signer public key unusable", e);
        }
    }

    private static byte[] encoded(X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new SignatureException(ProblemCode.SIGNATURE_MISSING, "signer certificate not encodable", e);
        }
    }

    private static X509Certificate toCertificate(byte[] encoded) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (GeneralSecurityException e) {
            throw new SignatureException(ProblemCode.SIGNATURE_MISSING, "signer certificate unreadable", e);
        }
    }
}
