package dk.dkrw.hub.cases;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.dossier.DossierStatus;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeIds;
import dk.dkrw.hub.storage.GroupCommitter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Kigali's reads and acknowledgements, each recorded in the audit chain: who pulled which case version or
 * attachment, and which version they acknowledged.
 */
@Component
public class CaseAccess {

    private final CaseStore cases;
    private final DossierStore dossiers;
    private final GroupCommitter committer;
    private final Clock clock;

    public CaseAccess(CaseStore cases, DossierStore dossiers, GroupCommitter committer, Clock clock) {
        this.cases = cases;
        this.dossiers = dossiers;
        this.committer = committer;
        this.clock = clock;
    }

    public CaseStore.StoredCase pull(Party party, String caseId) {
        CaseStore.StoredCase stored = cases.find(caseId).orElseThrow(() -> notFound(caseId));
        Instant now = clock.instant();
        committer.commit(tx -> {
            dossiers.advanceStatus(tx.jdbc(), stored.dossierId(), stored.version(), DossierStatus.FORWARDED,
                    DossierStatus.PULLED, now);
            tx.audit(AuditRecord.of(AuditKind.CASE_PULLED, now).party(party.id())
                    .dossier(stored.dossierId(), stored.version()).caseId(caseId).sha256(stored.sha256()).build());
            return null;
        });
        return stored;
    }

    public CaseStore.CaseAttachment pullAttachment(Party party, String caseId, String attachmentId) {
        CaseStore.StoredCase stored = cases.find(caseId).orElseThrow(() -> notFound(caseId));
        CaseStore.CaseAttachment attachment = cases.findAttachment(caseId, attachmentId)
                .orElseThrow(() -> new HubException(ProblemCode.NOT_FOUND, "case "
                        + SafeIds.uuidOrMarker(caseId) + " has no such attachment for Kigali"));
        Instant now = clock.instant();
        committer.commit(tx -> {
            tx.audit(AuditRecord.of(AuditKind.CASE_ATTACHMENT_PULLED, now).party(party.id())
                    .dossier(stored.dossierId(), stored.version()).caseId(caseId).sha256(attachment.sha256())
                    .build());
            return null;
        });
        return attachment;
    }

    public void acknowledge(Party party, String caseId, int version) {
        Instant now = clock.instant();
        committer.commit(tx -> {
            CaseStore.StoredCase stored = cases.find(tx.jdbc(), caseId).orElseThrow(() -> notFound(caseId));
            if (version > stored.version()) {
                throw new HubException(ProblemCode.CONFLICT, "case " + caseId + " version " + version
                        + " has not been offered; the current version is " + stored.version());
            }
            if (version <= stored.ackedVersion()) {
                return null;
            }
            cases.acknowledge(tx.jdbc(), caseId, version);
            dossiers.acknowledgeUpTo(tx.jdbc(), stored.dossierId(), version, now);
            tx.audit(AuditRecord.of(AuditKind.CASE_ACKNOWLEDGED, now).party(party.id())
                    .dossier(stored.dossierId(), version).caseId(caseId).build());
            return null;
        });
    }

    private static HubException notFound(String caseId) {
        return new HubException(ProblemCode.NOT_FOUND, "no case " + SafeIds.uuidOrMarker(caseId));
    }
}
