package dk.dkrw.hub.devpki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Issues the development PKI's keys, certificates and CRL with Bouncy Castle. Every key is ECDSA P-256 and every
 * signature SHA256withECDSA, as the contract's certs-dev section requires.
 */
final class DevCertificateIssuer {

    /** What an end-entity certificate is for; decides key usage, extended key usage and SAN. */
    enum Role { TLS_SERVER_AND_SIGNER, PARTY }

    private final Provider provider = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private final JcaX509ExtensionUtils extensions;

    DevCertificateIssuer() {
        try {
            extensions = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 not available for key identifiers", e);
        }
    }

    KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    /** A self-signed CA certificate: basicConstraints CA:true, keyUsage keyCertSign + cRLSign. */
    X509Certificate selfSignedCa(X500Name subject, KeyPair keys, Instant notBefore, Instant notAfter)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return toCertificate(builder, keys.getPrivate());
    }

    /** An end-entity certificate issued by {@code issuer}: keyUsage digitalSignature + nonRepudiation. */
    X509Certificate endEntity(X500Name subject, PublicKey subjectKey, Role role, Issuer issuer,
                              Instant notBefore, Instant notAfter) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
        if (role == Role.TLS_SERVER_AND_SIGNER) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));
        } else {
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
        return toCertificate(builder, issuer.key());
    }

    /** A CRL by {@code issuer} that lists the given serials as revoked (reason keyCompromise). */
    X509CRL crl(Issuer issuer, List<BigInteger> revokedSerials, Instant thisUpdate, Instant nextUpdate)
            throws Exception {
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer.certificate(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (BigInteger serial : revokedSerials) {
            builder.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        return new JcaX509CRLConverter().getCRL(builder.build(signer(issuer.key())));
    }

    private X509Certificate toCertificate(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    }

    private ContentSigner signer(PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(provider).build(key);
    }

    /** Positive 127-bit random serial, so re-running the generator never repeats a serial. */
    private BigInteger serial() {
        return new BigInteger(127, random).setBit(120);
    }

    /** A CA that issues: its certificate and private key. */
    record Issuer(X509Certificate certificate, PrivateKey key) {
    }
}
