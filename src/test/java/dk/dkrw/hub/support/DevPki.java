package dk.dkrw.hub.support;

import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.PemFiles;

import org.junit.jupiter.api.Assumptions;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/** The committed development PKI as tests use it: TLS contexts and CMS signers per role-named certificate. */
public final class DevPki {

    public static final Path DIR = Path.of("certs-dev");

    private DevPki() {
    }

    public static Path cert(String name) {
        return DIR.resolve(name + ".crt");
    }

    public static Path key(String name) {
        return DIR.resolve(name + ".key");
    }

    public static CmsSigner signer(String name) {
        return CmsSigner.fromPem(cert(name), key(name));
    }

    /** A signer whose signing-time lies an hour in the future (beyond any accepted clock skew). */
    public static CmsSigner futureSigner(String name) {
        try {
            return new CmsSigner(PemFiles.readPrivateKey(key(name)), PemFiles.readCertificate(cert(name)),
                    Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs with {@code openssl cms}, the independent CMS producer the contract names; base64 of the DER.
     * Skips the calling test (assumption) when openssl is not installed.
     */
    public static String opensslSign(String name, byte[] content) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("openssl-sign");
        Path in = dir.resolve("content");
        Path out = dir.resolve("sig.der");
        Files.write(in, content);
        Process process;
        try {
            process = new ProcessBuilder("openssl", "cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER",
                    "-signer", cert(name).toString(), "-inkey", key(name).toString(), "-in", in.toString(),
                    "-out", out.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("openssl is not installed: the interoperability check is skipped");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl cms -sign failed: " + output);
        }
        return Base64.getEncoder().encodeToString(Files.readAllBytes(out));
    }

    /** Mutual-TLS client context: the named client certificate, trusting the dev CA. */
    public static SSLContext clientTls(String name) {
        return clientTls(PemFiles.readPrivateKey(key(name)), PemFiles.readCertificate(cert(name)));
    }

    /** Mutual-TLS client context for a key and certificate made by the test itself. */
    public static SSLContext clientTls(PrivateKey key, X509Certificate certificate) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, new char[0], new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), trustDevCa().getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("TLS client context could not be built", e);
        }
    }

    /** TLS without a client certificate (the handshake must then fail on the partner port). */
    public static SSLContext anonymousTls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustDevCa().getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustManagerFactory trustDevCa() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PemFiles.readCertificate(cert("ca")));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf;
    }
}
