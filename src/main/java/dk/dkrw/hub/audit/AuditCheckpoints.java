package dk.dkrw.hub.audit;

import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.PemFiles;
import dk.dkrw.hub.signature.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signs and stores checkpoints of the chain head, and reads them back. Signing must run where the chain head
 * is locked (inside a group commit), so the head cannot move between reading and signing.
 */
public final class AuditCheckpoints {

    private AuditCheckpoints() {
    }

    /**
     * Signs the current head and stores the checkpoint; returns it with the audit record that announces it, or
     * empty when there is nothing new to sign (an empty chain, or nothing but the last checkpoint's own entry).
     */
    public static Optional<Signed> sign(JdbcTemplate jdbc, CmsSigner signer, Instant now) {
        AuditChain.Head head = jdbc.queryForObject("select seq, hash from audit_head where id = 1",
                (rs, row) -> new AuditChain.Head(rs.getLong(1), rs.getString(2)));
        if (head.seq() == 0 || lastKindIsCheckpoint(jdbc, head.seq())) {
            return Optional.empty();
        }
        String signerSha256 = PemFiles.fingerprint(signer.certificate());
        AuditCheckpoint unsigned = new AuditCheckpoint(0, head.seq(), head.hash(), now, signerSha256, new byte[0]);
        byte[] signature = signer.sign(unsigned.content());
        jdbc.update("insert into audit_checkpoint (seq, head_hash, signed_at, signer_sha256, signature) "
                        + "values (?, ?, ?, ?, ?)", head.seq(), head.hash(), Timestamp.from(unsigned.signedAt()),
                signerSha256, signature);
        AuditCheckpoint checkpoint = new AuditCheckpoint(0, head.seq(), head.hash(), unsigned.signedAt(),
                signerSha256, signature);
        AuditRecord record = AuditRecord.of(AuditKind.AUDIT_CHECKPOINT, now).party("hub")
                .sha256(Sha256.hex(signature)).detail("checkpoint of entry " + head.seq()).build();
        return Optional.of(new Signed(checkpoint, record));
    }

    /** A new checkpoint and the audit record to append for it. */
    public record Signed(AuditCheckpoint checkpoint, AuditRecord record) {
    }

    /** Every stored checkpoint, in chain order. */
    public static List<AuditCheckpoint> all(JdbcTemplate jdbc) {
        return jdbc.query("select id, seq, head_hash, signed_at, signer_sha256, signature from audit_checkpoint "
                + "order by seq, id", (rs, row) -> new AuditCheckpoint(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBytes(6)));
    }

    private static boolean lastKindIsCheckpoint(JdbcTemplate jdbc, long seq) {
        List<String> kinds = jdbc.queryForList("select kind from audit_entry where seq = ?", String.class, seq);
        return !kinds.isEmpty() && AuditKind.AUDIT_CHECKPOINT.name().equals(kinds.get(0));
    }
}
