package dk.dkrw.hub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.storage.AuditCheckpointJob;
import dk.dkrw.hub.support.CaseEvents;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.support.OpsProblems;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import dk.dkrw.hub.web.OpsConnector;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's trace of a dossier and the audit verification API, end to end: a full south and north flow
 * leaves the expected audit steps in order, visible by dossierId; a byte changed in one stored entry is named
 * by {@code GET /ops/v1/audit/verify} (the row is restored afterwards, the shared hub stays intact).
 */
class TraceAndAuditIT extends HubIT {

    @LocalServerPort
    int partnerPort;

    @Autowired
    OpsConnector ops;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditCheckpointJob checkpoints;

    @Autowired
    CircuitBreaker danishEndpointBreaker;

    private OpsClient viewer;
    private PartnerClient agency;
    private PartnerClient kigali;

    @BeforeEach
    void clients() {
        viewer = OpsClient.as(ops.localPort(), OpsClient.VIEWER);
        agency = new PartnerClient("dk-dis", partnerPort);
        kigali = new PartnerClient("rw-kigali-office", partnerPort);
        DENMARK.reset();
        danishEndpointBreaker.reset();
    }

    @Test
    void aFullFlowLeavesEveryStepInTheDossiersTrace() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String dossierId = Dossiers.dossierId(dossier);
        HttpResponse<byte[]> accepted = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String caseId = Dossiers.read(accepted.body()).path("caseId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "FORWARDED".equals(versionStatus(dossierId)));

        byte[] altered = new String(dossier, StandardCharsets.UTF_8).replace("\"createdAt\": \"2026-",
                "\"createdAt\": \"2025-").getBytes(StandardCharsets.UTF_8);
        assertThat(altered).isNotEqualTo(dossier);
        assertThat(agency.postDossier(altered, DevPki.signer("dk-dis").signBase64(altered)).statusCode())
                .isEqualTo(409);
        assertThat(kigali.get("/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(kigali.post("/api/v1/cases/" + caseId + "/ack", "application/json",
                "{\"version\":1}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(204);
        byte[] event = CaseEvents.event("01-received.json", caseId, 1);
        assertThat(CaseEvents.post(kigali, caseId, event).statusCode()).isEqualTo(202);
        String eventId = CaseEvents.eventId(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(jdbc.queryForObject(
                "select delivery_state from case_event where event_id = ?", String.class, eventId)));

        JsonNode trace = json(viewer.get("/ops/v1/trace/" + dossierId));

        assertThat(trace.path("dossierId").asText()).isEqualTo(dossierId);
        assertThat(trace.path("caseId").asText()).isEqualTo(caseId);
        assertThat(trace.path("partyId").asText()).isEqualTo("dk-dis");
        assertThat(trace.path("versions").get(0).path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(trace.path("events").get(0).path("eventId").asText()).isEqualTo(eventId);
        assertThat(trace.path("events").get(0).path("deliveryState").asText()).isEqualTo("DELIVERED");
        // a loaded machine may time out a first delivery call: such retries are steps too, but not asserted here
        List<JsonNode> steps = StreamSupport.stream(trace.path("steps").spliterator(), false)
                .filter(step -> !step.path("kind").asText().equals("EVENT_DELIVERY_RETRY")).toList();
        assertThat(steps).extracting(step -> step.path("kind").asText()).containsExactly(
                "DOSSIER_ACCEPTED", "CASE_FORWARDED", "DOSSIER_REJECTED", "CASE_PULLED", "CASE_ACKNOWLEDGED",
                "EVENT_ACCEPTED", "EVENT_DELIVERED");
        assertThat(steps.get(2).path("cause").asText()).isEqualTo("conflict");
        assertThat(steps.get(0).path("partyId").asText()).isEqualTo("dk-dis");
        assertThat(steps.get(3).path("partyId").asText()).isEqualTo("rw-kigali-office");
        assertThat(steps.get(6).path("eventId").asText()).isEqualTo(eventId);
        assertThat(steps).allSatisfy(step -> assertThat(step.path("at").asText()).endsWith("Z"));
        assertThat(steps).extracting(step -> step.path("seq").asLong()).isSorted();
        assertThat(trace.toString()).doesNotContain(new String(dossier, StandardCharsets.UTF_8).substring(0, 40));
    }

    @Test
    void anUnknownOrMalformedDossierIdIsA404ProblemAndTheTraceNeedsALogin() {
        OpsProblems.assertProblem(viewer.get("/ops/v1/trace/" + UUID.randomUUID()), 404, "not-found");
        OpsProblems.assertProblem(viewer.get("/ops/v1/trace/not-a-dossier-id"), 404, "not-found");
        OpsProblems.assertProblem(OpsClient.as(ops.localPort(), null).get("/ops/v1/trace/" + UUID.randomUUID()),
                401, "unauthorized");
    }

    @Test
    void verificationChecksTheSignedCheckpointsAndNamesAnAlteredEntry() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        assertThat(agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier)).statusCode())
                .isEqualTo(202);
        long seq = jdbc.queryForObject("select seq from audit_entry where dossier_id = ? and kind = "
                + "'DOSSIER_ACCEPTED'", Long.class, Dossiers.dossierId(dossier));
        assertThat(checkpoints.checkpointNow()).isPresent();

        JsonNode intact = json(viewer.get("/ops/v1/audit/verify"));
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("checkpointsChecked").asInt()).isPositive();
        assertThat(intact.path("lastCheckpointSeq").asLong()).isGreaterThanOrEqualTo(seq);
        assertThat(intact.has("brokenAt")).isFalse();

        String party = jdbc.queryForObject("select party_id from audit_entry where seq = ?", String.class, seq);
        jdbc.update("update audit_entry set party_id = ? where seq = ?", "dk-dit", seq);
        try {
            JsonNode broken = json(viewer.get("/ops/v1/audit/verify"));
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("brokenAt").asLong()).isEqualTo(seq);
            assertThat(broken.path("reason").asText()).contains("entry " + seq + " was altered");
        } finally {
            jdbc.update("update audit_entry set party_id = ? where seq = ?", party, seq);
        }
        assertThat(json(viewer.get("/ops/v1/audit/verify")).path("intact").asBoolean()).isTrue();
    }

    private String versionStatus(String dossierId) {
        List<String> status = jdbc.queryForList("select status from dossier_version where dossier_id = ? and "
                + "version = 1", String.class, dossierId);
        return status.isEmpty() ? null : status.get(0);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Dossiers.read(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
