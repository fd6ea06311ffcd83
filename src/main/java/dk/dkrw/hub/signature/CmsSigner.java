package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Hashtable;
import java.util.Objects;

/**
 * Produces the hub's detached CMS SignedData (DER) over exact bytes: signer certificate included; signed
 * attributes content-type, message-digest, signing-time (from the clock) and ESS signing-certificate-v2. Digest
 * SHA-256 for EC and RSA keys; SHA-512 for Ed25519, as RFC 8419 requires. Thread-safe: the key, certificate and
 * ESS attribute are prepared once, and the Bouncy Castle generators (not thread-safe) are made per call, which
 * costs little next to the signature itself.
 */
public final class CmsSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;
    private final String signatureAlgorithm;
    private final Attribute signingCertificateV2;
    private final DigestCalculatorProvider digests;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public CmsSigner(PrivateKey key, X509Certificate certificate) {
        this(key, certificate, Clock.systemUTC());
    }

    /** With a clock for the signing-time attribute (tests sign "in the future" this way). */
    public CmsSigner(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.key = BouncyCastle.privateKey(Objects.requireNonNull(key, "key"));
            this.certificateHolder = new X509CertificateHolder(certificate.getEncoded());
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SignatureException(ProblemCode.INTERNAL_ERROR, "signing key or certificate unusable", e);
        }
        this.signatureAlgorithm = switch (this.key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new SignatureException(ProblemCode.INTERNAL_ERROR,
                    "signing key algorithm not supported: " + this.key.getAlgorithm());
        };
        requireMatchingKey();
        this.signingCertificateV2 = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(PemFiles.sha256(encoded(certificate)),
                        new IssuerSerial(new GeneralNames(new GeneralName(certificateHolder.getIssuer())),
                                certificate.getSerialNumber())))));
    }

    public static CmsSigner fromPem(Path certificateFile, Path keyFile) {
        return new CmsSigner(PemFiles.readPrivateKey(keyFile), PemFiles.readCertificate(certificateFile));
    }

    /** Detached CMS SignedData over {@code content}, DER-encoded. */
    public byte[] sign(byte[] content) {
        Hashtable<Object, Attribute> attributes = new Hashtable<>();
        attributes.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(clock.instant())))));
        attributes.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificateV2);
        try {
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(signatureAlgorithm)
                            .setProvider(BouncyCastle.PROVIDER).setSecureRandom(random).build(key), certificateHolder);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificate(certificateHolder);
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new SignatureException(ProblemCode.INTERNAL_ERROR, "signing failed", e);
        }
    }

    /** {@link #sign} in standard base64, as carried in the X-Receipt-Signature / X-Case-Signature headers. */
    public String signBase64(byte[] content) {
        return Base64.getEncoder().encodeToString(sign(content));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Fails fast, at startup rather than at the first receipt, when key and certificate do not belong together. */
    private void requireMatchingKey() {
        byte[] probe = "key-certificate-match".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm, BouncyCastle.PROVIDER);
            signature.initSign(key, random);
            signature.update(probe);
            byte[] value = signature.sign();
            signature.initVerify(BouncyCastle.publicKey(certificateHolder.getSubjectPublicKeyInfo()));
            signature.update(probe);
            if (signature.verify(value)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            throw new SignatureException(ProblemCode.INTERNAL_ERROR, "signing key does not fit the certificate", e);
        }
        throw new SignatureException(ProblemCode.INTERNAL_ERROR, "signing key does not belong to the certificate");
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new SignatureException(ProblemCode.INTERNAL_ERROR, "certificate cannot be encoded", e);
        }
    }
}
