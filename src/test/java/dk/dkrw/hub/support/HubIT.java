package dk.dkrw.hub.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Base of the end-to-end tests: the whole hub on random ports with real mutual TLS, the real embedded
 * persistent broker and the embedded database in a fresh data folder. Every subclass shares one Spring
 * context (same configuration), so the hub boots once per test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class HubIT {

    /** One data folder per test JVM, shared by the cached context. */
    public static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString())
            .toAbsolutePath();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.ops.port", () -> "0");
    }
}
