package dk.dkrw.hub.flow;

import dk.dkrw.hub.outbox.OutboxRelay;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.PoisonVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stored version the case stage cannot map (a poison message) is retried by the broker with backoff, then
 * dead-lettered: kept durably with its cause and attempts, its status turns FAILED, and nothing reaches the
 * feed. The poison is a version row written directly, as damaged storage would be; the route, broker and
 * capture are the real ones.
 */
class CaseStageDeadLetterIT extends HubIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    @Test
    void unmappableVersionEndsAsAFailedDeadLetterAfterTheConfiguredAttempts() {
        PoisonVersions.Poison poison = PoisonVersions.enqueue(jdbc, relay);
        String dossierId = poison.dossierId();
        String caseId = poison.caseId();

        Map<String, Object> deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select * from dead_letter where message_key = ?", dossierId + "/1"), rows -> rows.size() == 1).get(0);
        assertThat(value(deadLetter, "route"))
                .isEqualTo("case-transform");
        assertThat(value(deadLetter, "cause_code")).isEqualTo("internal-error");
        assertThat(((Number) value(deadLetter, "attempts")).intValue()).isEqualTo(3);
        assertThat(value(deadLetter, "queue")).isEqualTo("hub.dossier.accepted");
        assertThat(value(deadLetter, "dossier_id")).isEqualTo(dossierId);
        assertThat(value(deadLetter, "state")).isEqualTo("OPEN");

        assertThat(Dossiers.read(new PartnerClient("dk-dis", port)
                .get("/api/v1/dossiers/" + dossierId + "/versions/1/status").body()).path("status").asText())
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select count(*) from case_feed where case_id = ?", Long.class, caseId))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DEAD_LETTERED' "
                + "and dossier_id = ?", Long.class, dossierId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from delivery_failure where message_key = ?", Long.class,
                dossierId + "/1")).isZero();
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }
}
