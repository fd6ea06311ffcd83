package dk.dkrw.hub.dossier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Dossiers and their accepted versions. Writes take the {@link JdbcTemplate} of a group-commit work; reads
 * outside a commit use the hub's own template.
 */
@Component
public class DossierStore {

    private static final RowMapper<StoredDossier> DOSSIER = (rs, row) -> new StoredDossier(
            rs.getString("dossier_id"), rs.getString("case_id"), rs.getString("party_id"),
            rs.getInt("latest_version"), rs.getString("dk_case_no"), rs.getString("udl_nr"),
            rs.getString("principal_person_id"));

    private static final RowMapper<StoredVersion> VERSION = (rs, row) -> new StoredVersion(
            rs.getString("dossier_id"), rs.getInt("version"), rs.getString("case_id"), rs.getString("party_id"),
            rs.getString("body_sha256"), rs.getString("receipt_id"), rs.getBytes("receipt"),
            rs.getBytes("receipt_signature"), DossierStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("status_at").toInstant(), rs.getString("canonical_sha256"));

    private final JdbcTemplate jdbc;

    public DossierStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The dossier row: owner, case and latest version. */
    public record StoredDossier(String dossierId, String caseId, String partyId, int latestVersion,
                                String dkCaseNo, String udlNr, String principalPersonId) {

        public DossierIdentity identity() {
            return new DossierIdentity(dossierId, latestVersion, dkCaseNo, udlNr, principalPersonId, null,
                    java.util.List.of());
        }
    }

    /**
     * One accepted version without its body. {@code canonicalSha256} is the hash of its RFC 8785 canonical JSON
     * (null for versions accepted before it was recorded).
     */
    public record StoredVersion(String dossierId, int version, String caseId, String partyId, String sha256,
                                String receiptId, byte[] receipt, byte[] receiptSignature, DossierStatus status,
                                Instant statusAt, String canonicalSha256) {

        /** Same content: the canonical hashes are equal, or (no canonical hash stored) the raw bytes are. */
        public boolean sameContentAs(String otherSha256, String otherCanonicalSha256) {
            if (canonicalSha256 != null && otherCanonicalSha256 != null) {
                return canonicalSha256.equals(otherCanonicalSha256);
            }
            return sha256.equals(otherSha256);
        }
    }

    /** An accepted version with the signed bytes and the proof of their origin. */
    public record SignedVersion(String dossierId, int version, String caseId, String partyId, byte[] body,
                                String sha256, String signerFingerprint, Instant signingTime, String receiptId) {
    }

    /** Everything stored about a new accepted version. */
    public record NewVersion(String dossierId, int version, String caseId, String partyId, String channel,
                             byte[] body, String sha256, byte[] signature, String signerFingerprint,
                             Instant signingTime, String receiptId, byte[] receipt, byte[] receiptSignature,
                             Instant receivedAt, String canonicalSha256) {
    }

    public Optional<StoredDossier> findDossier(String dossierId) {
        return findDossier(jdbc, dossierId);
    }

    public Optional<StoredDossier> findDossier(JdbcTemplate tx, String dossierId) {
        return tx.query("select * from dossier where dossier_id = ?", DOSSIER, dossierId).stream().findFirst();
    }

    public Optional<StoredVersion> findVersion(String dossierId, int version) {
        return findVersion(jdbc, dossierId, version);
    }

    public Optional<StoredVersion> findVersion(JdbcTemplate tx, String dossierId, int version) {
        return tx.query("""
                        select dossier_id, version, case_id, party_id, body_sha256, receipt_id, receipt,
                               receipt_signature, status, status_at, canonical_sha256
                        from dossier_version where dossier_id = ? and version = ?""",
                VERSION, dossierId, version).stream().findFirst();
    }

    public Optional<SignedVersion> findSigned(String dossierId, int version) {
        return jdbc.query("""
                        select dossier_id, version, case_id, party_id, body, body_sha256, signer_fingerprint,
                               signing_time, receipt_id
                        from dossier_version where dossier_id = ? and version = ?""",
                (rs, row) -> new SignedVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9)),
                dossierId, version).stream().findFirst();
    }

    public void insertDossier(JdbcTemplate tx, StoredDossier dossier, Instant at) {
        tx.update("""
                        insert into dossier (dossier_id, case_id, party_id, latest_version, dk_case_no, udl_nr,
                                             principal_person_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                dossier.dossierId(), dossier.caseId(), dossier.partyId(), dossier.latestVersion(),
                dossier.dkCaseNo(), dossier.udlNr(), dossier.principalPersonId(), Timestamp.from(at),
                Timestamp.from(at));
    }

    public void updateLatestVersion(JdbcTemplate tx, String dossierId, int version, Instant at) {
        tx.update("update dossier set latest_version = ?, updated_at = ? where dossier_id = ?",
                version, Timestamp.from(at), dossierId);
    }

    public void insertVersion(JdbcTemplate tx, NewVersion v) {
        tx.update("""
                        insert into dossier_version (dossier_id, version, case_id, party_id, channel, body,
                            body_sha256, signature, signer_fingerprint, signing_time, receipt_id, receipt,
                            receipt_signature, received_at, status, status_at, canonical_sha256)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                v.dossierId(), v.version(), v.caseId(), v.partyId(), v.channel(), v.body(), v.sha256(),
                v.signature(), v.signerFingerprint(), Timestamp.from(v.signingTime()), v.receiptId(), v.receipt(),
                v.receiptSignature(), Timestamp.from(v.receivedAt()), DossierStatus.RECEIVED.name(),
                Timestamp.from(v.receivedAt()), v.canonicalSha256());
    }

    /** Moves a version forward only: a later status never falls back to an earlier one. */
    public int advanceStatus(JdbcTemplate tx, String dossierId, int version, DossierStatus from, DossierStatus to,
                             Instant at) {
        return tx.update("update dossier_version set status = ?, status_at = ? "
                        + "where dossier_id = ? and version = ? and status = ?",
                to.name(), Timestamp.from(at), dossierId, version, from.name());
    }

    /** Moves a version to {@code to} from whichever of the {@code from} statuses it is in. */
    public int advanceStatus(JdbcTemplate tx, String dossierId, int version, Set<DossierStatus> from,
                             DossierStatus to, Instant at) {
        int updated = 0;
        for (DossierStatus status : from) {
            updated += advanceStatus(tx, dossierId, version, status, to, at);
        }
        return updated;
    }

    /** Marks every forwarded or pulled version up to {@code version} as acknowledged by Kigali. */
    public void acknowledgeUpTo(JdbcTemplate tx, String dossierId, int version, Instant at) {
        tx.update("update dossier_version set status = ?, status_at = ? "
                        + "where dossier_id = ? and version <= ? and status in (?, ?)",
                DossierStatus.ACKNOWLEDGED.name(), Timestamp.from(at), dossierId, version,
                DossierStatus.FORWARDED.name(), DossierStatus.PULLED.name());
    }
}
