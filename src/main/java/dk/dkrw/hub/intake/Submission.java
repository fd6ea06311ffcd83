package dk.dkrw.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.Permission;
import dk.dkrw.hub.problem.SafeIds;

import java.time.Instant;

/** One dossier submission on its way through the {@code dossier-intake} route. */
public final class Submission extends SignedDocument {

    private DossierIdentity identity;
    private DossierStore.StoredDossier previous;
    private IntakeOutcome outcome;
    private String canonicalSha256;

    public Submission(Channel channel, Party transportParty, byte[] body, String signatureHeader,
                      Instant receivedAt, String sha256) {
        super(channel, transportParty, body, signatureHeader, receivedAt, sha256);
    }

    @Override
    public Permission requiredPermission() {
        return Permission.DOSSIER_SUBMIT;
    }

    @Override
    public AuditRecord.Builder rejectionRecord() {
        String dossierId = identity != null && SafeIds.isUuid(identity.dossierId()) ? identity.dossierId() : null;
        return AuditRecord.of(AuditKind.DOSSIER_REJECTED, receivedAt())
                .dossier(dossierId, dossierId != null ? identity.version() : null);
    }

    public DossierIdentity identity() {
        return identity;
    }

    void parsed(JsonNode parsedDocument, DossierIdentity parsedIdentity, String canonicalHash) {
        parsed(parsedDocument);
        this.identity = parsedIdentity;
        this.canonicalSha256 = canonicalHash;
    }

    /**
     * SHA-256 of the dossier's RFC 8785 canonical JSON: the same for the same content on every channel, so it
     * decides whether a repeat of dossierId+version is the same submission.
     */
    public String canonicalSha256() {
        return canonicalSha256;
    }

    public DossierStore.StoredDossier previous() {
        return previous;
    }

    void previous(DossierStore.StoredDossier stored) {
        this.previous = stored;
    }

    public IntakeOutcome outcome() {
        return outcome;
    }

    void outcome(IntakeOutcome result) {
        this.outcome = result;
    }

    /** True once an earlier step settled the answer (the same version seen before). */
    public boolean isSettled() {
        return outcome != null;
    }
}
