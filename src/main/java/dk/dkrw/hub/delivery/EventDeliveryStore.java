package dk.dkrw.hub.delivery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The delivery side of {@code case_event}: state, attempts and the Danish numbers to restore. */
@Component
public class EventDeliveryStore {

    private final JdbcTemplate jdbc;

    public EventDeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event with its delivery state and the case numbers the status update must carry. */
    public record Pending(String eventId, String caseId, int sequence, byte[] body, String state, int attempts,
                          Instant firstAttemptAt, String dkCaseNo, String udlNr) {
    }

    /** The state of the event before this one in its case. */
    public record Predecessor(String state, Instant nextAttemptAt) {
    }

    public Optional<Pending> find(String eventId) {
        return jdbc.query("""
                        select e.event_id, e.case_id, e.sequence, e.body, e.delivery_state, e.attempts,
                               e.first_attempt_at, d.dk_case_no, d.udl_nr
                        from case_event e
                        join case_record c on c.case_id = e.case_id
                        join dossier d on d.dossier_id = c.dossier_id
                        where e.event_id = ?""",
                (rs, row) -> new Pending(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBytes(4),
                        rs.getString(5), rs.getInt(6), instant(rs.getTimestamp(7)), rs.getString(8),
                        rs.getString(9)), eventId).stream().findFirst();
    }

    public Optional<Predecessor> predecessor(String caseId, int sequence) {
        return jdbc.query("select delivery_state, next_attempt_at from case_event where case_id = ? and sequence = ?",
                (rs, row) -> new Predecessor(rs.getString(1), instant(rs.getTimestamp(2))), caseId, sequence - 1)
                .stream().findFirst();
    }

    public int delivered(JdbcTemplate tx, String eventId, int attempts, Instant first, Instant at) {
        return tx.update("update case_event set delivery_state = 'DELIVERED', attempts = ?, "
                        + "first_attempt_at = ?, next_attempt_at = null, delivered_at = ? "
                        + "where event_id = ? and delivery_state = 'PENDING'",
                attempts, Timestamp.from(first), Timestamp.from(at), eventId);
    }

    public void retryScheduled(JdbcTemplate tx, String eventId, int attempts, Instant first, Instant next) {
        tx.update("update case_event set attempts = ?, first_attempt_at = ?, next_attempt_at = ? "
                        + "where event_id = ? and delivery_state = 'PENDING'",
                attempts, first == null ? null : Timestamp.from(first), Timestamp.from(next), eventId);
    }

    public void dead(JdbcTemplate tx, String eventId, int attempts) {
        tx.update("update case_event set delivery_state = 'DEAD', attempts = ?, next_attempt_at = null "
                + "where event_id = ? and delivery_state = 'PENDING'", attempts, eventId);
    }

    /** A replayed dead letter starts afresh: pending, no attempts counted. */
    public void reopen(JdbcTemplate tx, String eventId) {
        tx.update("update case_event set delivery_state = 'PENDING', attempts = 0, first_attempt_at = null, "
                + "next_attempt_at = null where event_id = ? and delivery_state = 'DEAD'", eventId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
