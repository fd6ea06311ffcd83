package dk.dkrw.hub.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.web.OpsConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} on the operator port: the status alone for a probe without login, every component
 * with details for an operator; liveness and readiness groups with their members.
 */
class HealthIT extends HubIT {

    @Autowired
    OpsConnector ops;

    @Test
    void probeWithoutLoginSeesTheStatusButNoComponents() {
        JsonNode health = read(OpsClient.as(ops.localPort(), null).get("/actuator/health"));

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }

    @Test
    void operatorSeesCamelBrokerDatabaseDenmarkDiskAndCertificates() {
        JsonNode components = read(OpsClient.as(ops.localPort(), OpsClient.VIEWER).get("/actuator/health"))
                .path("components");

        assertThat(components.path("broker").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("broker").path("details").path("mode").asText()).isEqualTo("embedded");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("diskSpace").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("danishEndpoint").path("details").path("circuit").asText()).isNotBlank();
        JsonNode certificates = components.path("certificates");
        assertThat(certificates.path("status").asText()).isEqualTo("UP");
        assertThat(certificates.path("details").path("certificates").path("hub-signing").path("state").asText())
                .isEqualTo("VALID");
        assertThat(components.path("ssl").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("camelHealth").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("camelHealth").path("details").path("context").asText()).isEqualTo("UP");
    }

    @Test
    void readinessCoversBrokerAndDatabaseWhileLivenessStaysInsideTheProcess() {
        OpsClient viewer = OpsClient.as(ops.localPort(), OpsClient.VIEWER);
        JsonNode readiness = read(viewer.get("/actuator/health/readiness"));
        JsonNode liveness = read(viewer.get("/actuator/health/liveness"));

        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .contains("broker", "db", "camelHealth", "readinessState");
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    private static JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Dossiers.read(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
