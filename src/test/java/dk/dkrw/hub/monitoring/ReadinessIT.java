package dk.dkrw.hub.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.SQLExceptionOverride;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.web.OpsConnector;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.h2.api.ErrorCode;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the broker and the database: the embedded broker stopped, or the database server gone,
 * turns {@code /actuator/health/readiness} into 503 DOWN (a load balancer stops sending); back, and it is
 * 200 UP again, while liveness stays UP throughout.
 *
 * <p>Its own hub context (closed afterwards): its own broker (journal folder and in-VM id) and a database
 * reached over TCP (an H2 server this test stops and starts), so the shared context of the other tests, which
 * may be alive in the same JVM, is not disturbed.
 */
@DirtiesContext
class ReadinessIT extends HubIT {

    private static final Path OWN_DATA = HubIT.DATA_DIR.resolveSibling(HubIT.DATA_DIR.getFileName() + "-readiness");
    private static final int DB_PORT = freePort();
    private static Server database = startDatabase();

    @DynamicPropertySource
    static void ownBrokerAndDatabase(DynamicPropertyRegistry registry) {
        // (hub.data-dir stays HubIT's: a subclass cannot override a property HubIT registers)
        registry.add("spring.artemis.embedded.data-directory", () -> OWN_DATA.resolve("artemis").toString());
        registry.add("spring.artemis.embedded.server-id", () -> "7");
        // the shared context holds the broker's TCP port; readiness needs only the in-VM connection
        registry.add("hub.broker.tcp-enabled", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://127.0.0.1:" + DB_PORT + "/hub");
        // a probe must answer quickly while the database is away
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        // a restarted H2 server answers the pool's old connections with "database is already closed" (90121),
        // which Hikari does not know as fatal; PostgreSQL's 08xxx/57P01 after a restart it does
        registry.add("spring.datasource.hikari.exception-override-class-name", ClosedDatabaseIsFatal.class::getName);
    }

    /** Evicts a pooled connection whose H2 database was closed under it, as Hikari does for a lost server. */
    public static class ClosedDatabaseIsFatal implements SQLExceptionOverride {

        @java.lang.Override
        public Override adjudicate(SQLException e) {
            return e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                    || e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    }

    @Autowired
    OpsConnector ops;

    @Autowired
    EmbeddedActiveMQ broker;

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    @Test
    void readinessGoesDownWhileTheBrokerIsStoppedAndComesBackWithIt() throws Exception {
        awaitReadiness(200, "UP");
        ActiveMQServer server = broker.getActiveMQServer();

        server.stop();
        try {
            awaitReadiness(503, "DOWN");
            assertThat(component("broker").path("status").asText()).isEqualTo("DOWN");
            assertThat(component("db").path("status").asText()).isEqualTo("UP");
            assertThat(probe("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            server.start();
        }

        awaitReadiness(200, "UP");
        assertThat(component("broker").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessGoesDownWhileTheDatabaseIsUnreachableAndComesBackWithIt() throws Exception {
        awaitReadiness(200, "UP");

        database.stop();
        try {
            awaitReadiness(503, "DOWN");
            assertThat(component("db").path("status").asText()).isEqualTo("DOWN");
            assertThat(probe("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            database = startDatabase();
        }

        awaitReadiness(200, "UP");
        assertThat(component("db").path("status").asText()).isEqualTo("UP");
    }

    private void awaitReadiness(int status, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> response = probe("/actuator/health/readiness");
            assertThat(response.statusCode()).as(() -> OpsClient.as(ops.localPort(), OpsClient.VIEWER)
                    .get("/actuator/health/readiness").body()).isEqualTo(status);
            assertThat(read(response).path("status").asText()).isEqualTo(state);
        });
    }

    private JsonNode component(String name) {
        return read(OpsClient.as(ops.localPort(), OpsClient.VIEWER).get("/actuator/health/readiness"))
                .path("components").path(name);
    }

    private HttpResponse<String> probe(String path) {
        return OpsClient.as(ops.localPort(), null).get(path);
    }

    private static JsonNode read(HttpResponse<String> response) {
        return Dossiers.read(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static Server startDatabase() {
        try {
            Files.createDirectories(OWN_DATA.resolve("db"));
            return Server.createTcpServer("-tcpPort", Integer.toString(DB_PORT), "-baseDir",
                    OWN_DATA.resolve("db").toString(), "-ifNotExists").start();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("test database server could not start", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
