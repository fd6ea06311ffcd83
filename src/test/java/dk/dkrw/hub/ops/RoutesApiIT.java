package dk.dkrw.hub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.support.OpsProblems;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import dk.dkrw.hub.web.OpsConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /ops/v1/routes}: each route's state, counts, latest failure and times, for a viewer. */
class RoutesApiIT extends HubIT {

    @LocalServerPort
    int port;

    @Autowired
    OpsConnector ops;

    @Test
    void viewerSeesEveryRouteWithStateCountsLatestFailureAndTimes() {
        PartnerClient agency = new PartnerClient("dk-dis", port);
        byte[] accepted = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        assertThat(agency.postDossier(accepted, DevPki.signer("dk-dis").signBase64(accepted)).statusCode())
                .isEqualTo(202);
        byte[] refused = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        assertThat(agency.postDossier(refused, DevPki.signer("dk-dis").signBase64(accepted)).statusCode())
                .isEqualTo(422);

        HttpResponse<String> response = OpsClient.as(ops.localPort(), OpsClient.VIEWER).get("/ops/v1/routes");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> routes = new HashMap<>();
        Dossiers.read(response.body().getBytes(StandardCharsets.UTF_8)).path("routes")
                .forEach(route -> routes.put(route.path("id").asText(), route));
        assertThat(routes).containsKeys("dossier-intake", "event-intake", "case-transform", "event-delivery",
                "outbox-relay", "dead-letter-capture");
        JsonNode intake = routes.get("dossier-intake");
        assertThat(intake.path("state").asText()).isEqualTo("Started");
        assertThat(intake.path("exchanges").path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(intake.path("exchanges").path("failed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(intake.path("exchanges").path("inflight").isNumber()).isTrue();
        assertThat(intake.path("lastFailure").path("code").asText()).isNotBlank();
        assertThat(intake.path("lastFailure").path("at").asText()).isNotBlank();
        assertThat(intake.path("meanMillis").asDouble()).isPositive();
        assertThat(intake.path("p99Millis").asDouble()).isPositive();
        assertThat(routes.get("case-transform").path("state").asText()).isEqualTo("Started");
    }

    @Test
    void anonymousCallerIsRefused() {
        OpsProblems.assertProblem(OpsClient.as(ops.localPort(), null).get("/ops/v1/routes"), 401, "unauthorized");
    }
}
