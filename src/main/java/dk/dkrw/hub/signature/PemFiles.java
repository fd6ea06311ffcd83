package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads PEM certificates, CRLs and unencrypted private keys, and computes certificate fingerprints. Objects come
 * back from the JDK's providers (not Bouncy Castle's) so that JSSE, key stores and PKIX accept them unchanged.
 * Failures are {@link SignatureException}s with {@link ProblemCode#INTERNAL_ERROR}: a missing or broken file is a
 * configuration fault, never the caller's.
 */
public final class PemFiles {

    private static final HexFormat HEX = HexFormat.of();

    private PemFiles() {
    }

    /** The first certificate in the file. */
    public static X509Certificate readCertificate(Path file) {
        return readCertificates(file).get(0);
    }

    /** All certificates in the file, in file order; at least one. */
    public static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Object object : readObjects(file)) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(holder.getEncoded())));
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            throw failure("unreadable certificate in " + file.getFileName(), e);
        }
        if (certificates.isEmpty()) {
            throw failure("no certificate in " + file.getFileName(), null);
        }
        return List.copyOf(certificates);
    }

    /** The first unencrypted private key in the file: PKCS#8 ("PRIVATE KEY") or traditional EC/RSA PEM. */
    public static PrivateKey readPrivateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            for (Object object : readObjects(file)) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            }
        } catch (IOException e) {
            throw failure("unreadable private key in " + file.getFileName(), e);
        }
        throw failure("no unencrypted private key in " + file.getFileName(), null);
    }

    /** The first CRL in the file. */
    public static X509CRL readCrl(Path file) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Object object : readObjects(file)) {
                if (object instanceof X509CRLHolder holder) {
                    return (X509CRL) factory.generateCRL(new ByteArrayInputStream(holder.getEncoded()));
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            throw failure("unreadable CRL in " + file.getFileName(), e);
        }
        throw failure("no CRL in " + file.getFileName(), null);
    }

    /** Lower-case hex SHA-256 of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw failure("certificate cannot be encoded", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static List<Object> readObjects(Path file) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        }
        return objects;
    }

    private static SignatureException failure(String detail, Throwable cause) {
        return new SignatureException(ProblemCode.INTERNAL_ERROR, detail, cause);
    }
}
