package dk.dkrw.hub.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Appends records to the hash chain: each entry's hash covers its fields and the previous entry's hash, so
 * changing, removing or reordering any stored entry breaks every hash after it. Callers must hold the lock on
 * the {@code audit_head} row (the group committer takes it at the start of every batch).
 */
public final class AuditChain {

    private static final String INSERT = """
            insert into audit_entry (seq, at, kind, party_id, dossier_id, version, case_id, event_id,
                                     subject_sha256, cause, detail, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The hash before the first entry (as seeded by the migration). */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The chain head, read under a row lock that is held until the surrounding transaction ends. */
    public record Head(long seq, String hash) {
    }

    public static Head lockHead(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select seq, hash from audit_head where id = 1 for update",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    /** Appends the records in order after {@code head} and moves the head; returns the new head. */
    public static Head append(JdbcTemplate jdbc, Head head, List<AuditRecord> records) {
        if (records.isEmpty()) {
            return head;
        }
        List<Object[]> rows = new ArrayList<>(records.size());
        long seq = head.seq();
        String previous = head.hash();
        for (AuditRecord record : records) {
            seq++;
            String hash = hash(seq, record, previous);
            rows.add(new Object[] {seq, Timestamp.from(record.at()), record.kind().name(), record.partyId(),
                    record.dossierId(), record.version(), record.caseId(), record.eventId(),
                    record.subjectSha256(), record.cause(), record.detail(), previous, hash});
            previous = hash;
        }
        jdbc.batchUpdate(INSERT, rows);
        jdbc.update("update audit_head set seq = ?, hash = ? where id = 1", seq, previous);
        return new Head(seq, previous);
    }

    /** The entry hash: SHA-256 over a length-prefixed encoding of every field and the previous hash. */
    public static String hash(long seq, AuditRecord record, String previousHash) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(seq));
        field(canonical, record.at().toString());
        field(canonical, record.kind().name());
        field(canonical, record.partyId());
        field(canonical, record.dossierId());
        field(canonical, record.version() == null ? null : record.version().toString());
        field(canonical, record.caseId());
        field(canonical, record.eventId());
        field(canonical, record.subjectSha256());
        field(canonical, record.cause());
        field(canonical, record.detail());
        field(canonical, previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-1:");
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
        canonical.append('|');
    }
}
