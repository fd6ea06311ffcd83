package dk.dkrw.hub.support;

import dk.dkrw.hub.signature.TestPki;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Base of the end-to-end tests: the whole hub on random ports with real mutual TLS, the real embedded
 * persistent broker and the embedded database in a fresh data folder. Every subclass shares one Spring
 * context (same configuration), so the hub boots once per test JVM.
 *
 * <p>The party registry is the committed dev one plus a test-only party, {@code dk-ratelimited}, whose
 * certificate the dev CA issues when the tests start and whose rate limit is tiny.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class HubIT {

    /** One data folder per test JVM, shared by the cached context. */
    public static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString())
            .toAbsolutePath();

    /** The rate-limited test party's credential (CN=dk-ratelimited, issued by the dev CA). */
    public static final TestPki.Credential RATE_LIMITED = issueRateLimitedParty();
    public static final int RATE_LIMITED_PER_SECOND = 3;

    private static final Path PARTIES = writeParties();

    /** The embedded broker's TLS acceptor for queue intake: a free port per test JVM, never the default. */
    public static final int BROKER_PORT = freePort();

    /** The Danish case-status endpoint (WireMock, mutual TLS), one per test JVM like the hub context. */
    public static final DanishEndpoint DENMARK = DanishEndpoint.launch();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.ops.port", () -> "0");
        registry.add("hub.parties-file", PARTIES::toString);
        registry.add("hub.denmark.status-endpoint.url", () -> DENMARK.url().toString());
        registry.add("hub.broker.tcp-port", () -> BROKER_PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestPki.Credential issueRateLimitedParty() {
        try {
            return TestPki.issue("dk-ratelimited", TestPki.ecKeys(), TestPki.signingUsage());
        } catch (Exception e) {
            throw new IllegalStateException("test party certificate could not be issued", e);
        }
    }

    private static Path writeParties() {
        try {
            Files.createDirectories(DATA_DIR);
            Path file = DATA_DIR.resolve("parties.yaml");
            String registry = Files.readString(DevPki.DIR.resolve("parties.yaml")) + """
                      dk-ratelimited:
                        kind: agency
                        authority: US
                        permissions: [DOSSIER_STATUS]
                        rateLimit:
                          permitsPerSecond: %d
                        certificates:
                          - subject: "%s"
                    """.formatted(RATE_LIMITED_PER_SECOND,
                    RATE_LIMITED.certificate().getSubjectX500Principal().getName());
            Files.writeString(file, registry);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
