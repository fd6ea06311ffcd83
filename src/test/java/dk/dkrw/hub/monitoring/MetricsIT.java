package dk.dkrw.hub.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Prometheus;
import dk.dkrw.hub.support.Samples;
import dk.dkrw.hub.web.OpsConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} on the operator port: intake outcomes counted by cause code and party exactly as
 * sent (deltas: the hub context is shared with other tests), and the hub's gauges present without personal
 * data in any label.
 */
class MetricsIT extends HubIT {

    private static final String INTAKE = "hub_intake_total";

    @LocalServerPort
    int port;

    @Autowired
    OpsConnector ops;

    private PartnerClient agency;
    private OpsClient viewer;

    @BeforeEach
    void clients() {
        agency = new PartnerClient("dk-dis", port);
        viewer = OpsClient.as(ops.localPort(), OpsClient.VIEWER);
    }

    @Test
    void countsIntakeOutcomesByCauseCodeAndPartyAsSent() {
        Prometheus before = scrape();
        Map<String, Integer> sent = new TreeMap<>();

        byte[] repeated = null;
        for (int i = 0; i < 3; i++) {
            byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
            record(sent, agency.postDossier(dossier, sign(dossier)));
            repeated = dossier;
        }
        record(sent, agency.postDossier(repeated, sign(repeated)));
        for (int i = 0; i < 2; i++) {
            byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
            record(sent, agency.postDossier(dossier, sign(Dossiers.withNewId(dossier))));
        }
        byte[] invalid = Samples.invalidDossier("schema-unknown-property.json");
        record(sent, agency.postDossier(invalid, sign(invalid)));

        assertThat(sent).containsEntry("accepted/none", 3).containsEntry("repeat/none", 1);
        assertThat(sent.keySet()).anyMatch(key -> key.startsWith("rejected/")).hasSizeGreaterThanOrEqualTo(4);
        Prometheus after = scrape();
        Map<String, Integer> counted = new TreeMap<>();
        for (String key : sent.keySet()) {
            String[] parts = key.split("/");
            Map<String, String> labels = Map.of("document", "dossier", "channel", "rest", "party", "dk-dis",
                    "outcome", parts[0], "code", parts[1]);
            counted.put(key, (int) Math.round(after.sum(INTAKE, labels) - before.sum(INTAKE, labels)));
        }
        assertThat(counted).isEqualTo(sent);
    }

    @Test
    void exposesRouteQueueDeadLetterBreakerAndCertificateMeters() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        assertThat(agency.postDossier(dossier, sign(dossier)).statusCode()).isEqualTo(202);

        Prometheus metrics = scrape();

        Map<String, String> intakeRoute = Map.of("routeId", "dossier-intake");
        assertThat(metrics.sum("camel_exchanges_total", intakeRoute)).isPositive();
        assertThat(metrics.has("camel_exchanges_failed_total", intakeRoute)).isTrue();
        assertThat(metrics.has("camel_exchanges_inflight", intakeRoute)).isTrue();
        assertThat(metrics.has("camel_route_policy_seconds_bucket", intakeRoute)).isTrue();
        assertThat(metrics.has("hub_queue_depth", Map.of("queue", "hub.dossier.accepted"))).isTrue();
        assertThat(metrics.has("hub_queue_depth", Map.of("queue", "DLQ.hub.event.accepted"))).isTrue();
        assertThat(metrics.samples("hub_dead_letters_open")).hasSize(1);
        assertThat(metrics.sum("hub_breaker_state", Map.of("breaker", "danish-status-endpoint"))).isEqualTo(1.0);
        assertThat(metrics.sum("hub_certificate_days_to_expiry", Map.of("certificate", "hub-signing")))
                .isGreaterThan(30);
        assertThat(metrics.samples("hub_certificate_days_to_expiry"))
                .anyMatch(s -> s.labels().get("certificate").startsWith("trust-anchor:"));
    }

    @Test
    void labelsCarryNoDocumentIds() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String dossierId = Dossiers.dossierId(dossier);
        agency.postDossier(dossier, sign(dossier));

        String exposition = viewer.get("/actuator/prometheus").body();

        assertThat(exposition).doesNotContain(dossierId);
        for (Prometheus.Sample sample : Prometheus.parse(exposition).samples(INTAKE)) {
            assertThat(sample.labels().keySet()).containsExactlyInAnyOrder("document", "channel", "party", "outcome",
                    "code");
        }
    }

    private Prometheus scrape() {
        HttpResponse<String> response = viewer.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return Prometheus.parse(response.body());
    }

    private static String sign(byte[] body) {
        return DevPki.signer("dk-dis").signBase64(body);
    }

    private static void record(Map<String, Integer> sent, HttpResponse<byte[]> response) {
        String key;
        if (response.statusCode() == 202) {
            key = "accepted/none";
        } else if (response.statusCode() == 200) {
            key = "repeat/none";
        } else {
            JsonNode problem = Dossiers.read(response.body());
            key = "rejected/" + problem.path("type").asText().replace("urn:dkrw-hub:problem:", "");
        }
        sent.merge(key, 1, Integer::sum);
    }
}
