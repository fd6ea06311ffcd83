package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.util.Set;

/**
 * Which algorithms and keys a signer may use. Digests: the SHA-2 family SHA-256/384/512 only. Keys: EC on the
 * NIST curves P-256/P-384/P-521 (named, never explicit parameters), RSA with a modulus of at least 2048 bits, and
 * Ed25519. A weak or unknown key is a property of the signer's certificate, so it is reported as
 * {@link ProblemCode#SIGNER_UNTRUSTED}; a weak or unknown algorithm in the signature is
 * {@link ProblemCode#SIGNATURE_INVALID}.
 */
final class SignerPolicy {

    static final int MIN_RSA_BITS = 2048;

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.rsaEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption,
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512,
            EdECObjectIdentifiers.id_Ed25519);

    private static final Set<ASN1ObjectIdentifier> EC_CURVES = Set.of(
            SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private SignerPolicy() {
    }

    static void checkAlgorithms(SignerInformation signer) {
        if (!DIGESTS.contains(signer.getDigestAlgorithmID().getAlgorithm())) {
            throw invalid("digest algorithm not accepted: " + signer.getDigestAlgOID());
        }
        ASN1ObjectIdentifier signatureAlgorithm = signer.getEncryptionAlgOID() == null ? null
                : new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        if (!SIGNATURE_ALGORITHMS.contains(signatureAlgorithm)) {
            throw invalid("signature algorithm not accepted: " + signer.getEncryptionAlgOID());
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(signatureAlgorithm)) {
            ASN1Encodable parameters = signer.toASN1Structure().getDigestEncryptionAlgorithm().getParameters();
            RSASSAPSSparams pss = RSASSAPSSparams.getInstance(parameters);
            if (pss == null || !DIGESTS.contains(pss.getHashAlgorithm().getAlgorithm())) {
                throw invalid("RSASSA-PSS hash algorithm not accepted");
            }
        }
    }

    /** Null when the key is acceptable, else why not (algorithm names and sizes only). */
    static String keyRejection(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            ASN1Encodable curve = key.getAlgorithm().getParameters();
            return curve instanceof ASN1ObjectIdentifier oid && EC_CURVES.contains(oid) ? null
                    : "signer EC key not on an accepted named curve";
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            int bits = rsaModulusBits(key);
            return bits >= MIN_RSA_BITS ? null
                    : "signer RSA key has " + bits + " bits, at least " + MIN_RSA_BITS + " required";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            return null;
        }
        return "signer key algorithm not accepted: " + algorithm.getId();
    }

    private static int rsaModulusBits(SubjectPublicKeyInfo key) {
        try {
            return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static SignatureException invalid(String detail) {
        return new SignatureException(ProblemCode.SIGNATURE_INVALID, detail);
    }
}
