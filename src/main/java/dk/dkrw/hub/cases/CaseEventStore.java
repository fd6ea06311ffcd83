package dk.dkrw.hub.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Case events and each case's lifecycle position. Writes take the JDBC template of a group-commit work. */
@Component
public class CaseEventStore {

    private final JdbcTemplate jdbc;

    public CaseEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An accepted event without its body: enough to answer a repeat. */
    public record StoredEvent(String eventId, String caseId, int sequence, String partyId, String sha256,
                              byte[] receipt, byte[] receiptSignature, String deliveryState) {
    }

    /** Where a case stands: its lifecycle state (encoded) and the last accepted event sequence. */
    public record Position(String caseId, String dossierId, String lifecycleState, int lastSequence) {
    }

    /** Everything stored about a newly accepted event. */
    public record NewEvent(String eventId, String caseId, int sequence, String type, String partyId, byte[] body,
                           String sha256, byte[] signature, String signerFingerprint, Instant signingTime,
                           String receiptId, byte[] receipt, byte[] receiptSignature, Instant receivedAt) {
    }

    public Optional<StoredEvent> find(String eventId) {
        return find(jdbc, eventId);
    }

    public Optional<StoredEvent> find(JdbcTemplate tx, String eventId) {
        return tx.query("select event_id, case_id, sequence, party_id, body_sha256, receipt, receipt_signature, "
                        + "delivery_state from case_event where event_id = ?",
                (rs, row) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6), rs.getBytes(7), rs.getString(8)), eventId)
                .stream().findFirst();
    }

    public Optional<Position> position(JdbcTemplate tx, String caseId) {
        return tx.query("select case_id, dossier_id, lifecycle_state, last_event_sequence from case_record "
                        + "where case_id = ?",
                (rs, row) -> new Position(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), caseId)
                .stream().findFirst();
    }

    public void insert(JdbcTemplate tx, NewEvent e) {
        tx.update("""
                        insert into case_event (event_id, case_id, sequence, type, party_id, body, body_sha256,
                            signature, signer_fingerprint, signing_time, receipt_id, receipt, receipt_signature,
                            received_at, delivery_state, attempts)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)""",
                e.eventId(), e.caseId(), e.sequence(), e.type(), e.partyId(), e.body(), e.sha256(), e.signature(),
                e.signerFingerprint(), Timestamp.from(e.signingTime()), e.receiptId(), e.receipt(),
                e.receiptSignature(), Timestamp.from(e.receivedAt()));
    }

    public void advance(JdbcTemplate tx, String caseId, String lifecycleState, int sequence) {
        tx.update("update case_record set lifecycle_state = ?, last_event_sequence = ? where case_id = ?",
                lifecycleState, sequence, caseId);
    }
}
