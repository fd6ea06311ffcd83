package dk.dkrw.hub.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * Walks the whole audit chain in sequence order and recomputes every hash: a changed field, a removed or
 * inserted entry, or a head that does not match the last entry is reported with the first sequence number
 * where the chain breaks. Streams the rows, so memory stays flat whatever the chain length.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /** The outcome: {@code brokenAt} is null when the chain is intact. */
    public record Result(boolean intact, long entriesChecked, Long brokenAt, String reason) {
    }

    public static Result verify(JdbcTemplate jdbc) {
        Walk walk = new Walk();
        jdbc.query("select seq, at, kind, party_id, dossier_id, version, case_id, event_id, subject_sha256, "
                + "cause, detail, prev_hash, hash from audit_entry order by seq", rs -> {
                    if (walk.brokenAt != null) {
                        return;
                    }
                    long seq = rs.getLong(1);
                    Integer version = rs.getObject(6) == null ? null : rs.getInt(6);
                    Instant at = rs.getTimestamp(2).toInstant();
                    AuditRecord record = new AuditRecord(at, AuditKind.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), version, rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11));
                    walk.check(seq, record, rs.getString(12), rs.getString(13));
                });
        if (walk.brokenAt == null) {
            AuditChain.Head head = jdbc.queryForObject("select seq, hash from audit_head where id = 1",
                    (rs, row) -> new AuditChain.Head(rs.getLong(1), rs.getString(2)));
            if (head.seq() != walk.lastSeq || !head.hash().equals(walk.lastHash)) {
                walk.brokenAt = walk.lastSeq + 1;
                walk.reason = "the chain head does not match the last entry (entries removed at the end?)";
            }
        }
        return new Result(walk.brokenAt == null, walk.checked, walk.brokenAt, walk.reason);
    }

    private static final class Walk {
        private long lastSeq;
        private String lastHash = AuditChain.GENESIS;
        private long checked;
        private Long brokenAt;
        private String reason;

        void check(long seq, AuditRecord record, String prevHash, String hash) {
            checked++;
            if (seq != lastSeq + 1) {
                brokenAt = lastSeq + 1;
                reason = "entry " + (lastSeq + 1) + " is missing";
            } else if (!prevHash.equals(lastHash)) {
                brokenAt = seq;
                reason = "entry " + seq + " does not link to the entry before it";
            } else if (!AuditChain.hash(seq, record, prevHash).equals(hash)) {
                brokenAt = seq;
                reason = "entry " + seq + " was altered after it was written";
            }
            lastSeq = seq;
            lastHash = hash;
        }
    }
}
