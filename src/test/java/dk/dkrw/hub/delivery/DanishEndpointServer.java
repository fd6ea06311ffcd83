package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import dk.dkrw.hub.signature.PemFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.UUID;

/**
 * A WireMock stand-in for the Danish case-status endpoint: HTTPS only, client certificate required, server
 * certificate certs-dev/hub.crt (SAN localhost, 127.0.0.1) and trust certs-dev/ca.crt. WireMock wants key stores as
 * files, so PKCS#12 copies of the PEM files are written to a temporary directory and deleted once Jetty has
 * loaded them.
 */
public final class DanishEndpointServer {

    public static final String PATH = "/ws/status";
    static final Path CERTS = Path.of("certs-dev");

    private DanishEndpointServer() {
    }

    /** Started on {@code port} (0 = any free port). */
    public static WireMockServer start(int port, Extension... extensions) {
        String password = UUID.randomUUID().toString();
        try {
            Path dir = Files.createTempDirectory("danish-endpoint-tls");
            Path identity = dir.resolve("server.p12");
            Path trust = dir.resolve("trust.p12");
            write(identityStore(password), identity, password);
            write(trustStore(), trust, password);
            WireMockConfiguration options = WireMockConfiguration.options()
                    .httpDisabled(true)
                    .httpsPort(port)
                    .keystorePath(identity.toString())
                    .keystoreType("PKCS12")
                    .keystorePassword(password)
                    .keyManagerPassword(password)
                    .needClientAuth(true)
                    .trustStorePath(trust.toString())
                    .trustStoreType("PKCS12")
                    .trustStorePassword(password)
                    .disableOptimizeXmlFactoriesLoading(true)
                    .extensions(extensions);
            WireMockServer server = new WireMockServer(options);
            try {
                server.start();
            } finally {
                Files.delete(identity);
                Files.delete(trust);
                Files.delete(dir);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static URI url(WireMockServer server) {
        return URI.create("https://localhost:" + server.httpsPort() + PATH);
    }

    private static KeyStore identityStore(String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", PemFiles.readPrivateKey(CERTS.resolve("hub.key")), password.toCharArray(),
                    new Certificate[] {PemFiles.readCertificate(CERTS.resolve("hub.crt"))});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", PemFiles.readCertificate(CERTS.resolve("ca.crt")));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(KeyStore store, Path file, String password) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
