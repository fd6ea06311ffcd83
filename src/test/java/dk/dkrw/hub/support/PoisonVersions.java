package dk.dkrw.hub.support;

import dk.dkrw.hub.outbox.OutboxRelay;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Produces a real dead letter of the case stage: a stored version whose body cannot be mapped (as damaged
 * storage would leave it) and its outbox message; the relay, broker, route and capture are the real ones.
 */
public final class PoisonVersions {

    private PoisonVersions() {
    }

    /** A poisoned version 1 of a new dossier (party dk-dis) on its way to the case stage. */
    public record Poison(String dossierId, String caseId) {

        public String messageKey() {
            return dossierId + "/1";
        }
    }

    public static Poison enqueue(JdbcTemplate jdbc, OutboxRelay relay) {
        String dossierId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into dossier (dossier_id, case_id, party_id, latest_version, dk_case_no, udl_nr, "
                + "principal_person_id, created_at, updated_at) values (?, ?, 'dk-dis', 1, 'US-X', '26-X', ?, ?, ?)",
                dossierId, caseId, UUID.randomUUID().toString(), now, now);
        jdbc.update("insert into dossier_version (dossier_id, version, case_id, party_id, channel, body, body_sha256, "
                        + "signature, signer_fingerprint, signing_time, receipt_id, receipt, receipt_signature, "
                        + "received_at, status, status_at) values (?, 1, ?, 'dk-dis', 'REST', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "'RECEIVED', ?)",
                dossierId, caseId, "{\"not\":\"a dossier\"}".getBytes(StandardCharsets.UTF_8), "e".repeat(64),
                new byte[] {1}, "f".repeat(64), now, UUID.randomUUID().toString(), new byte[] {2}, new byte[] {3},
                now, now);
        jdbc.update("insert into outbox (destination, message_key, group_id, body, created_at) values (?, ?, ?, ?, ?)",
                "hub.dossier.accepted", dossierId + "/1", dossierId,
                "{\"dossierId\":\"" + dossierId + "\",\"version\":1,\"caseId\":\"" + caseId + "\"}", now);
        relay.wake();
        return new Poison(dossierId, caseId);
    }

    /** Waits until the broker has given up on the poison and the capture has stored it; returns its id. */
    public static long awaitDeadLetter(JdbcTemplate jdbc, Poison poison) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select id from dead_letter where message_key = ? and state = 'OPEN'", Long.class,
                poison.messageKey()), ids -> ids.size() == 1).get(0);
    }

    /** Repairs the stored body: a valid signed sample's bytes under the poison's dossierId. */
    public static void repair(JdbcTemplate jdbc, Poison poison) {
        byte[] sample = Samples.validDossier("edge-single-name.json");
        String sampleId = Dossiers.dossierId(sample);
        byte[] repaired = new String(sample, StandardCharsets.UTF_8).replace(sampleId, poison.dossierId())
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update("update dossier_version set body = ?, body_sha256 = ? where dossier_id = ? and version = 1",
                repaired, Samples.sha256(repaired), poison.dossierId());
    }
}
