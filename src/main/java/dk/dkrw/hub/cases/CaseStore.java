package dk.dkrw.hub.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cases as Kigali sees them: the signed rw-case/1 bytes, the feed, attachments and acknowledgements. */
@Component
public class CaseStore {

    private final JdbcTemplate jdbc;

    public CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current case document and its hub signature. */
    public record StoredCase(String caseId, String dossierId, int version, byte[] body, String sha256,
                             byte[] signature, Instant availableAt, int ackedVersion) {
    }

    /** One attachment Kigali may download. */
    public record CaseAttachment(String attachmentId, String sha256, long sizeBytes, String mediaType) {
    }

    /** One entry of the feed, with the status of that version. */
    public record FeedEntry(long seq, String caseId, String dossierId, int version, Instant availableAt,
                            String status) {
    }

    private static final RowMapper<StoredCase> CASE = (rs, row) -> new StoredCase(rs.getString("case_id"),
            rs.getString("dossier_id"), rs.getInt("version"), rs.getBytes("body"), rs.getString("body_sha256"),
            rs.getBytes("signature"), rs.getTimestamp("available_at").toInstant(), rs.getInt("acked_version"));

    private static final RowMapper<FeedEntry> FEED = (rs, row) -> new FeedEntry(rs.getLong("seq"),
            rs.getString("case_id"), rs.getString("dossier_id"), rs.getInt("version"),
            rs.getTimestamp("available_at").toInstant(), rs.getString("status"));

    private static final String FEED_SELECT = """
            select f.seq, f.case_id, f.dossier_id, f.version, f.available_at, v.status
            from case_feed f join dossier_version v on v.dossier_id = f.dossier_id and v.version = f.version
            """;

    public Optional<StoredCase> find(String caseId) {
        return find(jdbc, caseId);
    }

    public Optional<StoredCase> find(JdbcTemplate tx, String caseId) {
        return tx.query("select * from case_record where case_id = ?", CASE, caseId).stream().findFirst();
    }

    public Optional<CaseAttachment> findAttachment(String caseId, String attachmentId) {
        return jdbc.query("select attachment_id, sha256, size_bytes, media_type from case_attachment "
                        + "where case_id = ? and attachment_id = ?",
                (rs, row) -> new CaseAttachment(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                caseId, attachmentId).stream().findFirst();
    }

    /** Feed entries after {@code afterSeq}, oldest first. */
    public List<FeedEntry> feed(long afterSeq, int limit) {
        return jdbc.query(FEED_SELECT + " where f.seq > ? order by f.seq fetch first " + limit + " rows only",
                FEED, afterSeq);
    }

    /** Entries of each case's current version that Kigali has not acknowledged, oldest first. */
    public List<FeedEntry> pending(long afterSeq, int limit) {
        return jdbc.query(FEED_SELECT + """
                         join case_record c on c.case_id = f.case_id and c.version = f.version
                         where f.seq > ? and c.acked_version < c.version
                         order by f.seq fetch first\s""" + limit + " rows only",
                FEED, afterSeq);
    }

    /** Stores (or replaces) the current case, its attachments and a new feed entry. */
    public void publish(JdbcTemplate tx, StoredCase stored, List<CaseAttachment> attachments) {
        int updated = tx.update("update case_record set version = ?, body = ?, body_sha256 = ?, signature = ?, "
                        + "available_at = ? where case_id = ?",
                stored.version(), stored.body(), stored.sha256(), stored.signature(),
                Timestamp.from(stored.availableAt()), stored.caseId());
        if (updated == 0) {
            tx.update("insert into case_record (case_id, dossier_id, version, body, body_sha256, signature, "
                            + "available_at, acked_version) values (?, ?, ?, ?, ?, ?, ?, 0)",
                    stored.caseId(), stored.dossierId(), stored.version(), stored.body(), stored.sha256(),
                    stored.signature(), Timestamp.from(stored.availableAt()));
        }
        tx.update("delete from case_attachment where case_id = ?", stored.caseId());
        tx.batchUpdate("insert into case_attachment (case_id, attachment_id, sha256, size_bytes, media_type) "
                        + "values (?, ?, ?, ?, ?)",
                attachments.stream().map(a -> new Object[] {stored.caseId(), a.attachmentId(), a.sha256(),
                        a.sizeBytes(), a.mediaType()}).toList());
        tx.update("insert into case_feed (case_id, dossier_id, version, available_at) values (?, ?, ?, ?)",
                stored.caseId(), stored.dossierId(), stored.version(), Timestamp.from(stored.availableAt()));
    }

    public void acknowledge(JdbcTemplate tx, String caseId, int version) {
        tx.update("update case_record set acked_version = ? where case_id = ? and acked_version < ?",
                version, caseId, version);
    }
}
