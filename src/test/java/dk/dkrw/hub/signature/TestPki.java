package dk.dkrw.hub.signature;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The committed dev PKI in {@code certs-dev/} (Maven runs tests from the project root), plus signers issued on
 * the fly by the dev CA key for the cases certs-dev does not cover (RSA, Ed25519, odd key usages).
 */
public final class TestPki {

    static final Path CERTS = Path.of("certs-dev");
    static final X509Certificate CA = PemFiles.readCertificate(CERTS.resolve("ca.crt"));
    static final PrivateKey CA_KEY = PemFiles.readPrivateKey(CERTS.resolve("ca.key"));

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    static Path file(String name) {
        return CERTS.resolve(name);
    }

    /** A signer for one of the certs-dev roles, e.g. "dk-dis" reads dk-dis.crt and dk-dis.key. */
    public static Credential role(String stem) {
        return new Credential(PemFiles.readPrivateKey(file(stem + ".key")),
                PemFiles.readCertificate(file(stem + ".crt")));
    }

    static TrustAnchors anchors() {
        return TrustAnchors.load(List.of(file("ca.crt")), List.of());
    }

    static TrustAnchors anchorsWithCrl() {
        return TrustAnchors.load(List.of(file("ca.crt")), List.of(file("ca.crl")));
    }

    public static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsaKeys(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static KeyPair ed25519Keys() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** A dev-CA-issued signer valid now-1d .. now+1y with the given key usage bits (0 = no extension). */
    public static Credential issue(String commonName, KeyPair keys, int keyUsage) throws Exception {
        Instant now = Instant.now();
        return issue(commonName, keys, keyUsage, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    public static Credential issue(String commonName, KeyPair keys, int keyUsage, Instant notBefore,
                                   Instant notAfter)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(CA, new BigInteger(120, RANDOM),
                Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + commonName + ",O=Test,C=DK"),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (keyUsage != 0) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(CA_KEY)));
        return new Credential(keys.getPrivate(), certificate);
    }

    public static int signingUsage() {
        return KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    }

    /** A private key and the certificate that goes with it. */
    public record Credential(PrivateKey key, X509Certificate certificate) {

        public CmsSigner signer() {
            return new CmsSigner(key, certificate);
        }
    }
}
