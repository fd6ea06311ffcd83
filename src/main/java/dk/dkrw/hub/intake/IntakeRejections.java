package dk.dkrw.hub.intake;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeFailure;
import dk.dkrw.hub.problem.SafeIds;
import dk.dkrw.hub.storage.GroupCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * Records a refused submission: an audit entry with the body's sha256, the party and the cause code, and
 * nothing else of the document. Ids from the document are kept only when they are well-formed UUIDs, so a
 * malformed id can never smuggle personal data into the audit chain.
 */
@Component
public class IntakeRejections {

    private static final Logger log = LoggerFactory.getLogger(IntakeRejections.class);

    private final GroupCommitter committer;

    public IntakeRejections(GroupCommitter committer) {
        this.committer = committer;
    }

    public void record(Submission submission, Exception failure) {
        ProblemCode code = failure instanceof HubException coded ? coded.code() : ProblemCode.INTERNAL_ERROR;
        Party party = submission.signerParty() != null ? submission.signerParty() : submission.transportParty();
        DossierIdentity identity = submission.identity();
        String dossierId = identity != null && SafeIds.isUuid(identity.dossierId()) ? identity.dossierId() : null;
        Integer version = dossierId != null ? identity.version() : null;
        log.info("dossier rejected: channel={} party={} dossierId={} version={} sha256={} cause={}",
                submission.channel(), party == null ? null : party.id(), dossierId, version, submission.sha256(),
                code.code());
        try {
            committer.commit(tx -> {
                tx.audit(AuditRecord.of(AuditKind.DOSSIER_REJECTED, submission.receivedAt())
                        .party(party == null ? null : party.id()).dossier(dossierId, version)
                        .sha256(submission.sha256()).cause(code.code())
                        .detail("channel " + submission.channel().name()).build());
                return null;
            });
        } catch (RuntimeException e) {
            log.error("rejection of {} could not be audited: {}", submission.sha256(), SafeFailure.describe(e));
        }
    }
}
