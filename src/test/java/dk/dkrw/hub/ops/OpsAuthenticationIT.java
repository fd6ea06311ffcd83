package dk.dkrw.hub.ops;

import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.support.OpsProblems;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.web.OpsConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator login on the operator port (HTTP Basic, VIEWER and OPERATOR) and its absence on the partner port,
 * where mutual TLS and the party registry alone decide.
 */
class OpsAuthenticationIT extends HubIT {

    private static final String UNKNOWN_ID = "/ops/v1/dead-letters/987654321";

    @LocalServerPort
    int partnerPort;

    @Autowired
    OpsConnector ops;

    private OpsClient anonymous;
    private OpsClient viewer;
    private OpsClient operator;

    @BeforeEach
    void clients() {
        anonymous = OpsClient.as(ops.localPort(), null);
        viewer = OpsClient.as(ops.localPort(), OpsClient.VIEWER);
        operator = OpsClient.as(ops.localPort(), OpsClient.OPERATOR);
    }

    @Test
    void refusesAnAnonymousCallWith401ProblemAndABasicChallenge() {
        HttpResponse<String> response = anonymous.get("/ops/v1/dead-letters");

        OpsProblems.assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm="));
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownNameAlike() {
        HttpResponse<String> wrongPassword = OpsClient.as(ops.localPort(), "operator:viewer-dev-password")
                .get("/ops/v1/dead-letters");
        HttpResponse<String> unknownName = OpsClient.as(ops.localPort(), "nobody:operator-dev-password")
                .get("/ops/v1/dead-letters");

        OpsProblems.assertProblem(wrongPassword, 401, "unauthorized");
        OpsProblems.assertProblem(unknownName, 401, "unauthorized");
        assertThat(wrongPassword.body()).isEqualTo(unknownName.body());
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void viewerMayReadDeadLettersButNeitherReplayNorDiscard() {
        assertThat(viewer.get("/ops/v1/dead-letters").statusCode()).isEqualTo(200);
        assertThat(viewer.get(UNKNOWN_ID).statusCode()).isEqualTo(404);

        OpsProblems.assertProblem(viewer.post(UNKNOWN_ID + "/replay", null), 403, "forbidden");
        OpsProblems.assertProblem(viewer.post("/ops/v1/dead-letters/replay", "{}"), 403, "forbidden");
        OpsProblems.assertProblem(viewer.delete(UNKNOWN_ID, "{\"reason\":\"not needed\"}"), 403, "forbidden");
    }

    @Test
    void operatorMayReadReplayAndDiscardWithoutASession() {
        HttpResponse<String> list = operator.get("/ops/v1/dead-letters");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Set-Cookie")).isEmpty();

        OpsProblems.assertProblem(operator.post(UNKNOWN_ID + "/replay", null), 404, "not-found");
        OpsProblems.assertProblem(operator.delete(UNKNOWN_ID, "{\"reason\":\"not needed\"}"), 404, "not-found");
    }

    @Test
    void healthProbesStayOpenWhileMetricsNeedAViewer() {
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        OpsProblems.assertProblem(anonymous.get("/actuator/prometheus"), 401, "unauthorized");
        OpsProblems.assertProblem(anonymous.get("/actuator/metrics"), 401, "unauthorized");
        assertThat(viewer.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void partnerPortHasNoOperatorApiAndIgnoresOperatorLogin() {
        PartnerClient agency = new PartnerClient("dk-dis", partnerPort);
        assertThat(agency.get("/ops/v1/dead-letters").statusCode()).isEqualTo(404);

        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "operator:wrong".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> status = agency.send(HttpRequest.newBuilder(URI.create(agency.base()
                        + "/api/v1/dossiers/" + UUID.randomUUID() + "/versions/1/status"))
                .header("Authorization", basic).GET().build());

        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(status.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(status.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(status.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(status.headers().firstValue("X-Content-Type-Options")).isEmpty();
        assertThat(status.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
