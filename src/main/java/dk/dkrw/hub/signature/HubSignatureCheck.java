package dk.dkrw.hub.signature;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks a detached CMS signature the hub made over its own data (audit checkpoints) against the hub
 * certificates an operator trusts: exactly one signer, whose key is one of those certificates', and whose
 * signature covers exactly the given content. No chain, time or revocation checks: the certificates are pinned.
 * The answer is a reason (codes and words, never content) or empty when the signature holds.
 */
public final class HubSignatureCheck {

    private HubSignatureCheck() {
    }

    public static Optional<String> problem(byte[] content, byte[] signature, List<X509Certificate> hubCertificates) {
        SignerInformation signer;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Optional.of("the signature has " + signers.size() + " signers, not one");
            }
            signer = signers.iterator().next();
        } catch (CMSException | RuntimeException e) {
            return Optional.of("the signature is not a CMS SignedData structure");
        }
        for (X509Certificate certificate : hubCertificates) {
            X509CertificateHolder holder = holder(certificate);
            if (!signer.getSID().match(holder)) {
                continue;
            }
            try {
                boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                        .setProvider(BouncyCastle.PROVIDER).build(holder));
                return valid ? Optional.empty()
                        : Optional.of("the signature value does not verify with the hub certificate");
            } catch (CMSSignerDigestMismatchException e) {
                return Optional.of("the signed digest does not match the checkpoint's fields");
            } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | RuntimeException e) {
                return Optional.of("the signature value does not verify with the hub certificate");
            }
        }
        return Optional.of("signed by a certificate other than the given hub certificate(s)");
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new SignatureException(dk.dkrw.hub.problem.ProblemCode.INTERNAL_ERROR,
                    "hub certificate cannot be encoded", e);
        }
    }
}
