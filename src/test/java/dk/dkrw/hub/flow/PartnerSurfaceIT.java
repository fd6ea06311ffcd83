package dk.dkrw.hub.flow;

import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.web.OpsConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partner port's outer shell: mutual TLS only, TLS 1.2+, per-party rate limits, port separation. */
class PartnerSurfaceIT extends HubIT {

    @LocalServerPort
    int port;

    @Autowired
    OpsConnector ops;

    @Test
    void refusesTheHandshakeWithoutAClientCertificate() {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(DevPki.anonymousTls()).build();
        assertThatThrownBy(() -> anonymous.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + port + "/api/v1/cases")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void refusesTls11() throws Exception {
        SSLContext context = DevPki.clientTls("dk-dis");
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
        }
    }

    @Test
    void answersOverTheRateLimitWith429AndRetryAfter() {
        PartnerClient limited = new PartnerClient(DevPki.clientTls(RATE_LIMITED.key(), RATE_LIMITED.certificate()),
                port);
        List<HttpResponse<byte[]>> responses = new ArrayList<>();
        for (int i = 0; i < RATE_LIMITED_PER_SECOND * 4; i++) {
            responses.add(limited.get("/api/v1/dossiers/" + UUID.randomUUID() + "/versions/1/status"));
        }
        assertThat(responses).extracting(HttpResponse::statusCode).contains(404, 429);
        HttpResponse<byte[]> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow();
        DossierIntakeErrorsIT.assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void partnerPathsNeverAnswerOnTheOperatorPortAndOperatorPathsNeverOnThePartnerPort() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> partnerOnOps = plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ops.localPort() + "/api/v1/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(partnerOnOps.statusCode()).isEqualTo(404);
        HttpResponse<String> health = plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ops.localPort() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        PartnerClient agency = new PartnerClient("dk-dis", port);
        assertThat(agency.get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(agency.get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(agency.get("/").statusCode()).isEqualTo(404);
    }
}
