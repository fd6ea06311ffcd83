package dk.dkrw.hub.intake;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.dossier.DossierStore.StoredDossier;
import dk.dkrw.hub.dossier.DossierStore.StoredVersion;
import dk.dkrw.hub.outbox.Outbox;
import dk.dkrw.hub.outbox.OutboxMessage;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.storage.GroupCommitter;
import dk.dkrw.hub.storage.Tx;
import org.springframework.stereotype.Component;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Intake steps 3 and 5: idempotency on dossierId+version (a repeat is the same submission when its canonical
 * JSON hash is equal, whatever channel and bytes it came in), and the durable acceptance. A version is accepted
 * in one group-commit work together with its outbox message and audit entry, so a 202 is only ever sent for a
 * dossier that is on disk and queued for the case stage.
 */
@Component
public class DossierAcceptance {

    /** The queue the case stage consumes. */
    public static final String ACCEPTED_QUEUE = "hub.dossier.accepted";

    private final DossierStore dossiers;
    private final GroupCommitter committer;
    private final Outbox outbox;
    private final ReceiptIssuer receipts;

    public DossierAcceptance(DossierStore dossiers, GroupCommitter committer, Outbox outbox,
                             ReceiptIssuer receipts) {
        this.dossiers = dossiers;
        this.committer = committer;
        this.outbox = outbox;
        this.receipts = receipts;
    }

    /** Settles repeats (200 or 409) before any validation work, and loads the stored dossier for rule 15. */
    public Submission findPrevious(Submission submission) {
        DossierIdentity identity = submission.identity();
        if (!identity.hasKey()) {
            return submission;
        }
        // the dossier before the version: an identical submission committing between the two reads is then seen
        // as this version (a repeat), never as a dossier already at this version (a false conflict)
        Optional<StoredDossier> dossier = dossiers.findDossier(identity.dossierId());
        Optional<StoredVersion> existing = dossiers.findVersion(identity.dossierId(), identity.version());
        if (existing.isPresent()) {
            submission.outcome(repeatOf(submission, existing.get()));
            return submission;
        }
        dossier.ifPresent(stored -> {
            checkNewVersionAllowed(submission, stored);
            submission.previous(stored);
        });
        return submission;
    }

    /** Records that a repeat was answered with the original receipt. */
    public Submission recordRepeat(Submission submission) {
        committer.commit(tx -> {
            auditRepeat(tx, submission, submission.outcome());
            return null;
        });
        return submission;
    }

    private static void auditRepeat(Tx tx, Submission submission, IntakeOutcome outcome) {
        tx.audit(AuditRecord.of(AuditKind.DOSSIER_DUPLICATE, submission.receivedAt())
                .party(submission.signerParty().id()).dossier(outcome.dossierId(), outcome.version())
                .caseId(outcome.caseId()).sha256(submission.sha256()).build());
    }

    public Submission accept(Submission submission) {
        DossierIdentity id = submission.identity();
        String caseId = submission.previous() != null ? submission.previous().caseId()
                : UUID.randomUUID().toString();
        Receipt receipt = receipts.forDossier(id.dossierId(), id.version(), submission.sha256(),
                submission.receivedAt(), caseId);
        submission.outcome(committer.commit(tx -> store(tx, submission, caseId, receipt)));
        return submission;
    }

    private IntakeOutcome store(Tx tx, Submission submission, String caseId, Receipt receipt) {
        DossierIdentity id = submission.identity();
        Optional<StoredVersion> existing = dossiers.findVersion(tx.jdbc(), id.dossierId(), id.version());
        if (existing.isPresent()) {
            // a concurrent identical submission won the race while this one was being validated
            IntakeOutcome repeat = repeatOf(submission, existing.get());
            auditRepeat(tx, submission, repeat);
            return repeat;
        }
        Optional<StoredDossier> stored = dossiers.findDossier(tx.jdbc(), id.dossierId());
        if (stored.isPresent()) {
            checkNewVersionAllowed(submission, stored.get());
            if (submission.previous() == null || submission.previous().latestVersion()
                    != stored.get().latestVersion()) {
                // another version landed between validation (rule 15 ran against what we read) and now
                throw new HubException(ProblemCode.CONFLICT, "dossier " + id.dossierId()
                        + " changed while this version was validated; send it again");
            }
            dossiers.updateLatestVersion(tx.jdbc(), id.dossierId(), id.version(), submission.receivedAt());
        } else {
            dossiers.insertDossier(tx.jdbc(), new StoredDossier(id.dossierId(), caseId,
                    submission.signerParty().id(), id.version(), id.dkCaseNo(), id.udlNr(),
                    id.principalPersonId()), submission.receivedAt());
        }
        dossiers.insertVersion(tx.jdbc(), new DossierStore.NewVersion(id.dossierId(), id.version(), caseId,
                submission.signerParty().id(), submission.channel().name(), submission.body(),
                submission.sha256(), Base64.getDecoder().decode(submission.signatureHeader().trim()),
                submission.signature().signerFingerprint(), submission.signature().signingTime(),
                receipt.receiptId(), receipt.body(), Base64.getDecoder().decode(receipt.signature()),
                submission.receivedAt(), submission.canonicalSha256()));
        outbox.add(tx, new OutboxMessage(ACCEPTED_QUEUE, id.dossierId() + "/" + id.version(), id.dossierId(),
                CaseStageMessage.json(id.dossierId(), id.version(), caseId)), submission.receivedAt());
        tx.audit(AuditRecord.of(AuditKind.DOSSIER_ACCEPTED, submission.receivedAt())
                .party(submission.signerParty().id()).dossier(id.dossierId(), id.version()).caseId(caseId)
                .sha256(submission.sha256()).detail("channel " + submission.channel().name()).build());
        return new IntakeOutcome(true, id.dossierId(), id.version(), caseId, receipt.body(), receipt.signature());
    }

    private static IntakeOutcome repeatOf(Submission submission, StoredVersion existing) {
        if (!existing.partyId().equals(submission.signerParty().id())) {
            throw new HubException(ProblemCode.FORBIDDEN, "dossier " + existing.dossierId()
                    + " belongs to another party");
        }
        if (!existing.sameContentAs(submission.sha256(), submission.canonicalSha256())) {
            throw new HubException(ProblemCode.CONFLICT, "dossier " + existing.dossierId() + " version "
                    + existing.version() + " was already accepted with other content (sha256 " + existing.sha256()
                    + ")");
        }
        return new IntakeOutcome(false, existing.dossierId(), existing.version(), existing.caseId(),
                existing.receipt(), Base64.getEncoder().encodeToString(existing.receiptSignature()));
    }

    private static void checkNewVersionAllowed(Submission submission, StoredDossier stored) {
        if (!stored.partyId().equals(submission.signerParty().id())) {
            throw new HubException(ProblemCode.FORBIDDEN, "dossier " + stored.dossierId()
                    + " belongs to another party");
        }
        int version = submission.identity().version();
        if (version <= stored.latestVersion()) {
            throw new HubException(ProblemCode.CONFLICT, "dossier " + stored.dossierId() + " version " + version
                    + " is not newer than the latest accepted version " + stored.latestVersion());
        }
    }
}
