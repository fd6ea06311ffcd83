package dk.dkrw.hub.audit;

import dk.dkrw.hub.signature.HubSignatureCheck;
import dk.dkrw.hub.signature.Sha256;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the whole audit chain in sequence order and recomputes every hash: a changed field, a removed or
 * inserted entry, or a head that does not match the last entry is reported with the first sequence number
 * where the chain breaks. With the hub certificate(s) it also checks every signed checkpoint: its signature,
 * that the entry it names still has the hash it signed (so even a chain rewritten with fresh hashes is caught),
 * that no signed entry has disappeared from the end, and that every checkpoint the chain announces is stored.
 * Streams the entries, so memory stays flat whatever the chain length (checkpoints are few).
 */
public final class AuditVerifier {

    private static final String ENTRIES = "select seq, at, kind, party_id, dossier_id, version, case_id, event_id, "
            + "subject_sha256, cause, detail, prev_hash, hash from audit_entry order by seq";
    private static final int FETCH_SIZE = 1000;

    private AuditVerifier() {
    }

    /**
     * The outcome: {@code brokenAt} (the first bad sequence number) and {@code reason} are null when everything
     * is intact. {@code checkpointsChecked} is 0 and {@code lastCheckpointSeq} null when checkpoints were not
     * checked or none exist.
     */
    public record Result(boolean intact, long entriesChecked, Long brokenAt, String reason, int checkpointsChecked,
                         Long lastCheckpointSeq, Instant lastCheckpointAt) {
    }

    /** The chain alone: hashes, links and head. */
    public static Result verify(JdbcTemplate jdbc) {
        return run(jdbc, List.of(), false);
    }

    /** The chain and every signed checkpoint, checked against the given hub certificate(s). */
    public static Result verify(JdbcTemplate jdbc, List<X509Certificate> hubCertificates) {
        if (hubCertificates.isEmpty()) {
            throw new IllegalArgumentException("checkpoints need at least one hub certificate to be checked");
        }
        return run(jdbc, hubCertificates, true);
    }

    private static Result run(JdbcTemplate jdbc, List<X509Certificate> certificates, boolean withCheckpoints) {
        List<AuditCheckpoint> checkpoints = withCheckpoints ? AuditCheckpoints.all(jdbc) : List.of();
        Walk walk = new Walk(checkpoints, withCheckpoints);
        for (AuditCheckpoint checkpoint : checkpoints) {
            HubSignatureCheck.problem(checkpoint.content(), checkpoint.signature(), certificates).ifPresent(
                    problem -> walk.offer(checkpoint.seq(), "checkpoint " + checkpoint.id() + " of entry "
                            + checkpoint.seq() + " (signed " + checkpoint.signedAt() + ") is not genuine: " + problem));
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            walkEntries(connection, walk);
            return null;
        });
        AuditChain.Head head = jdbc.queryForObject("select seq, hash from audit_head where id = 1",
                (rs, row) -> new AuditChain.Head(rs.getLong(1), rs.getString(2)));
        walk.finish(head);
        AuditCheckpoint last = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        return new Result(walk.brokenAt == null, walk.checked, walk.brokenAt, walk.reason, checkpoints.size(),
                last == null ? null : last.seq(), last == null ? null : last.signedAt());
    }

    /**
     * Reads the entries through a cursor: PostgreSQL streams rows (instead of loading the whole result) only with
     * a fetch size inside a transaction, so one is opened for the read and rolled back (nothing is written).
     */
    private static void walkEntries(Connection connection, Walk walk) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(ENTRIES)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (!walk.stopped() && rs.next()) {
                    walk.row(rs);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static final class Walk {
        private final Map<Long, List<AuditCheckpoint>> checkpointsBySeq = new HashMap<>();
        private final Set<String> signatureHashes = new HashSet<>();
        private final boolean withCheckpoints;
        private long lastSeq;
        private String lastHash = AuditChain.GENESIS;
        private long checked;
        private Long brokenAt;
        private String reason;

        Walk(List<AuditCheckpoint> checkpoints, boolean withCheckpoints) {
            this.withCheckpoints = withCheckpoints;
            for (AuditCheckpoint checkpoint : checkpoints) {
                checkpointsBySeq.computeIfAbsent(checkpoint.seq(), s -> new ArrayList<>()).add(checkpoint);
                signatureHashes.add(Sha256.hex(checkpoint.signature()));
            }
        }

        /** The walk stops once it is past a problem already known (a forged checkpoint, say). */
        boolean stopped() {
            return brokenAt != null && brokenAt <= lastSeq + 1;
        }

        /** Keeps the problem with the lowest sequence number. */
        void offer(long seq, String why) {
            if (brokenAt == null || seq < brokenAt) {
                brokenAt = seq;
                reason = why;
            }
        }

        void row(ResultSet rs) throws SQLException {
            long seq = rs.getLong(1);
            checked++;
            try {
                if (seq != lastSeq + 1) {
                    offer(lastSeq + 1, "entry " + (lastSeq + 1) + " is missing");
                } else {
                    check(seq, rs);
                }
            } catch (IllegalArgumentException | NullPointerException unreadable) {
                offer(seq, "entry " + seq + " cannot be read back (a field was altered after it was written)");
            }
            lastSeq = seq;
            lastHash = rs.getString(13);
        }

        private void check(long seq, ResultSet rs) throws SQLException {
            Integer version = rs.getObject(6) == null ? null : rs.getInt(6);
            AuditRecord record = new AuditRecord(rs.getTimestamp(2).toInstant(), AuditKind.valueOf(rs.getString(3)),
                    rs.getString(4), rs.getString(5), version, rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11));
            String prevHash = rs.getString(12);
            String hash = rs.getString(13);
            if (!prevHash.equals(lastHash)) {
                offer(seq, "entry " + seq + " does not link to the entry before it");
            } else if (!AuditChain.hash(seq, record, prevHash).equals(hash)) {
                offer(seq, "entry " + seq + " was altered after it was written");
            } else if (withCheckpoints) {
                checkAgainstCheckpoints(seq, record, hash);
            }
        }

        private void checkAgainstCheckpoints(long seq, AuditRecord record, String hash) {
            for (AuditCheckpoint checkpoint : checkpointsBySeq.getOrDefault(seq, List.of())) {
                if (!checkpoint.headHash().equals(hash)) {
                    offer(seq, "entry " + seq + " is not the entry signed by checkpoint " + checkpoint.id()
                            + " (" + checkpoint.signedAt() + "): the chain up to it was rewritten");
                    return;
                }
            }
            if (record.kind() == AuditKind.AUDIT_CHECKPOINT && !signatureHashes.contains(record.subjectSha256())) {
                offer(seq, "entry " + seq + " records a signed checkpoint that is no longer stored");
            }
        }

        void finish(AuditChain.Head head) {
            if (head.seq() != lastSeq || !head.hash().equals(lastHash)) {
                offer(lastSeq + 1, "the chain head does not match the last entry " + lastSeq
                        + " (entries removed at the end?)");
            }
            checkpointsBySeq.keySet().stream().filter(seq -> seq > lastSeq).min(Long::compare).ifPresent(seq ->
                    offer(lastSeq + 1, "entries " + (lastSeq + 1) + " to " + seq + " are missing: checkpoint "
                            + checkpointsBySeq.get(seq).get(0).id() + " signed entry " + seq));
        }
    }
}
