package dk.dkrw.hub.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * The two real databases the persistence tests run on: an H2 file (the embedded default) and the PostgreSQL
 * on 127.0.0.1:5432 (database {@code test}, trust auth), each migrated by the project's Flyway scripts into a
 * fresh place (a new file, a new schema).
 */
public final class TestDatabases {

    public static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String PG_USER = System.getenv().getOrDefault("HUB_TEST_PG_USER", "postgres");

    private TestDatabases() {
    }

    public static HikariDataSource h2() {
        Path file = Path.of("target", "it-data", "h2-" + UUID.randomUUID(), "hub");
        return migrated("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "hub", "");
    }

    public static HikariDataSource postgres() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "");
        return migrated(PG_URL + "?currentSchema=" + schema, PG_USER, "");
    }

    /**
     * A fresh migrated database by name, {@code h2} or {@code postgresql}, for tests parameterised over both; the
     * PostgreSQL variant is skipped with a message when no PostgreSQL answers.
     */
    public static HikariDataSource named(String database) {
        if ("postgresql".equals(database)) {
            Assumptions.assumeTrue(postgresAvailable(),
                    "PostgreSQL is not answering on 127.0.0.1:5432 (database test): PostgreSQL variant skipped");
            return postgres();
        }
        return h2();
    }

    /** True when the PostgreSQL that CI provides answers. */
    public static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static HikariDataSource migrated(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(8);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
