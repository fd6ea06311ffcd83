package dk.dkrw.hub.flow;

import dk.dkrw.hub.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * The whole south flow again, with the hub on PostgreSQL (the production database) instead of the embedded
 * one: a fresh schema in the local database {@code test}, migrated by the hub's own Flyway scripts.
 */
@EnabledIf(value = "dk.dkrw.hub.support.TestDatabases#postgresAvailable",
        disabledReason = "PostgreSQL is not answering on 127.0.0.1:5432 (database test): PostgreSQL variant skipped")
class SouthFlowOnPostgresIT extends SouthFlowIT {

    private static final String SCHEMA = "it_" + UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.PG_URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> TestDatabases.PG_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        // this context lives beside the embedded-database one: its own broker journal and in-VM server id
        registry.add("spring.artemis.embedded.data-directory",
                () -> DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-pg").resolve("artemis").toString());
        registry.add("spring.artemis.embedded.server-id", () -> "1");
        // the shared context holds the broker's TCP port; this flow needs only the in-VM connection
        registry.add("hub.broker.tcp-enabled", () -> "false");
    }
}
