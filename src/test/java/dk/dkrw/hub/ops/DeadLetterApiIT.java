package dk.dkrw.hub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.audit.AuditVerifier;
import dk.dkrw.hub.outbox.OutboxRelay;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.support.OpsProblems;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.PoisonVersions;
import dk.dkrw.hub.support.PoisonVersions.Poison;
import dk.dkrw.hub.web.OpsConnector;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter API end to end: a real dead letter of the case stage is listed, refused a discard without a
 * reason, repaired and replayed by an operator into the Kigali feed exactly once, or discarded with a reason;
 * every resolution is attributed to the operator in the row and the audit chain.
 */
class DeadLetterApiIT extends HubIT {

    @LocalServerPort
    int partnerPort;

    @Autowired
    OpsConnector ops;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    CamelContext camel;

    private OpsClient viewer;
    private OpsClient operator;
    private PartnerClient agency;
    private PartnerClient kigali;

    @BeforeEach
    void clients() {
        viewer = OpsClient.as(ops.localPort(), OpsClient.VIEWER);
        operator = OpsClient.as(ops.localPort(), OpsClient.OPERATOR);
        agency = new PartnerClient("dk-dis", partnerPort);
        kigali = new PartnerClient("rw-kigali-office", partnerPort);
    }

    @Test
    void repairedPoisonIsReplayedIntoTheKigaliFeedExactlyOnceAndAttributedToTheOperator() throws Exception {
        Poison poison = PoisonVersions.enqueue(jdbc, relay);
        long id = PoisonVersions.awaitDeadLetter(jdbc, poison);

        JsonNode listed = item(json(viewer.get("/ops/v1/dead-letters")), id);
        assertThat(listed.path("route").asText()).isEqualTo("case-transform");
        assertThat(listed.path("queue").asText()).isEqualTo("hub.dossier.accepted");
        assertThat(listed.path("dossierId").asText()).isEqualTo(poison.dossierId());
        assertThat(listed.path("version").asInt()).isEqualTo(1);
        assertThat(listed.path("caseId").asText()).isEqualTo(poison.caseId());
        assertThat(listed.has("eventId")).isFalse();
        assertThat(listed.path("cause").path("code").asText()).isEqualTo("internal-error");
        assertThat(listed.path("cause").path("text").asText()).isNotBlank();
        assertThat(listed.path("attempts").asInt()).isEqualTo(3);
        Instant first = Instant.parse(listed.path("firstFailureAt").asText());
        assertThat(Instant.parse(listed.path("lastFailureAt").asText())).isAfterOrEqualTo(first);
        assertThat(listed.path("state").asText()).isEqualTo("OPEN");
        assertThat(listed.has("body")).isFalse();
        assertThat(json(viewer.get("/ops/v1/dead-letters/" + id))).isEqualTo(listed);

        JsonNode missing = OpsProblems.assertProblem(operator.delete("/ops/v1/dead-letters/" + id, null), 422,
                "validation-failed");
        assertThat(missing.path("errors").get(0).path("pointer").asText()).isEqualTo("/reason");
        JsonNode blank = OpsProblems.assertProblem(operator.delete("/ops/v1/dead-letters/" + id,
                "{\"reason\":\"   \"}"), 422, "validation-failed");
        assertThat(blank.path("errors").get(0).path("pointer").asText()).isEqualTo("/reason");
        OpsProblems.assertProblem(viewer.post("/ops/v1/dead-letters/" + id + "/replay", null), 403, "forbidden");
        assertThat(status(poison)).isEqualTo("FAILED");

        PoisonVersions.repair(jdbc, poison);
        camel.getRouteController().stopRoute("case-transform");
        try {
            HttpResponse<String> replayed = operator.post("/ops/v1/dead-letters/" + id + "/replay",
                    "{\"reason\":\"stored body repaired\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(json(replayed).path("state").asText()).isEqualTo("REPLAYED");
            assertThat(json(replayed).path("resolvedBy").asText()).isEqualTo("operator");
            assertThat(status(poison)).isEqualTo("RECEIVED");
        } finally {
            camel.getRouteController().startRoute("case-transform");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(poison).equals("FORWARDED"));

        assertThat(feedEntries(poison.caseId())).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("select state, resolved_by, resolution_reason, resolved_at "
                + "from dead_letter where id = ?", id);
        assertThat(value(row, "state")).isEqualTo("REPLAYED");
        assertThat(value(row, "resolved_by")).isEqualTo("operator");
        assertThat(value(row, "resolution_reason")).isEqualTo("stored body repaired");
        assertThat(value(row, "resolved_at")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DEAD_LETTER_REPLAYED' "
                        + "and party_id = 'operator:operator' and dossier_id = ? and version = 1 and case_id = ? "
                        + "and detail like ?", Long.class, poison.dossierId(), poison.caseId(),
                "dead letter " + id + ",%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where detail like '%repaired%'",
                Long.class)).isZero();

        OpsProblems.assertProblem(operator.post("/ops/v1/dead-letters/" + id + "/replay", null), 409, "conflict");
        assertThat(feedEntries(poison.caseId())).isEqualTo(1);
        assertThat(AuditVerifier.verify(jdbc).intact()).isTrue();
    }

    @Test
    void discardedDeadLetterIsClosedWithItsReasonAuditedAndNeverDelivered() {
        Poison poison = PoisonVersions.enqueue(jdbc, relay);
        long id = PoisonVersions.awaitDeadLetter(jdbc, poison);

        HttpResponse<String> discarded = operator.delete("/ops/v1/dead-letters/" + id,
                "{\"reason\":\"superseded by a later version\"}");

        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(json(discarded).path("state").asText()).isEqualTo("DISCARDED");
        assertThat(json(discarded).path("resolvedBy").asText()).isEqualTo("operator");
        Map<String, Object> row = jdbc.queryForMap("select state, resolved_by, resolution_reason "
                + "from dead_letter where id = ?", id);
        assertThat(value(row, "state")).isEqualTo("DISCARDED");
        assertThat(value(row, "resolved_by")).isEqualTo("operator");
        assertThat(value(row, "resolution_reason")).isEqualTo("superseded by a later version");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DEAD_LETTER_DISCARDED' "
                + "and party_id = 'operator:operator' and dossier_id = ?", Long.class, poison.dossierId()))
                .isEqualTo(1);

        OpsProblems.assertProblem(operator.post("/ops/v1/dead-letters/" + id + "/replay", null), 409, "conflict");
        OpsProblems.assertProblem(operator.delete("/ops/v1/dead-letters/" + id, "{\"reason\":\"again\"}"), 409,
                "conflict");
        assertThat(status(poison)).isEqualTo("FAILED");
        assertThat(feedEntries(poison.caseId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from dead_letter where message_key = ?", Long.class,
                poison.messageKey())).isEqualTo(1);

        assertThat(ids(viewer.get("/ops/v1/dead-letters"))).doesNotContain(id);
        assertThat(ids(viewer.get("/ops/v1/dead-letters?state=DISCARDED&route=case-transform"))).contains(id);
        assertThat(ids(viewer.get("/ops/v1/dead-letters?state=ALL&cause=internal-error"))).contains(id);
        OpsProblems.assertProblem(viewer.get("/ops/v1/dead-letters?state=GONE"), 422, "validation-failed");
        OpsProblems.assertProblem(viewer.get("/ops/v1/dead-letters?limit=501"), 422, "validation-failed");
    }

    private String status(Poison poison) {
        return Dossiers.read(agency.get("/api/v1/dossiers/" + poison.dossierId() + "/versions/1/status").body())
                .path("status").asText();
    }

    /** Entries for the case in the whole Kigali feed, read page by page as Kigali reads it. */
    private long feedEntries(String caseId) {
        long count = 0;
        String after = "";
        while (true) {
            JsonNode page = Dossiers.read(kigali.get("/api/v1/cases?limit=500" + after).body());
            if (page.path("items").isEmpty()) {
                return count;
            }
            count += StreamSupport.stream(page.path("items").spliterator(), false)
                    .filter(item -> item.path("caseId").asText().equals(caseId)).count();
            after = "&after=" + page.path("next").asText();
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Dossiers.read(response.body().getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode item(JsonNode page, long id) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(item -> item.path("id").asLong() == id).findFirst().orElseThrow();
    }

    static java.util.List<Long> ids(HttpResponse<String> response) {
        return StreamSupport.stream(json(response).path("items").spliterator(), false)
                .map(item -> item.path("id").asLong()).toList();
    }

    static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }
}
