package dk.dkrw.hub.intake;

import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeFailure;
import dk.dkrw.hub.storage.GroupCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * Records a refused document (dossier or case event): an audit entry with the body's sha256, the party and the
 * cause code, and nothing else of the document. Ids from the document are kept only when they are well-formed
 * UUIDs (see {@link SignedDocument#rejectionRecord()}), so a malformed id can never smuggle personal data into
 * the audit chain or the log.
 */
@Component
public class IntakeRejections {

    private static final Logger log = LoggerFactory.getLogger(IntakeRejections.class);

    private final GroupCommitter committer;

    public IntakeRejections(GroupCommitter committer) {
        this.committer = committer;
    }

    public void record(SignedDocument document, Exception failure) {
        ProblemCode code = failure instanceof HubException coded ? coded.code() : ProblemCode.INTERNAL_ERROR;
        Party party = document.accountableParty();
        AuditRecord record = document.rejectionRecord().party(party == null ? null : party.id())
                .sha256(document.sha256()).cause(code.code()).detail("channel " + document.channel().name())
                .build();
        log.info("{}: channel={} party={} dossierId={} version={} caseId={} eventId={} sha256={} cause={}",
                record.kind(), document.channel(), record.partyId(), record.dossierId(), record.version(),
                record.caseId(), record.eventId(), document.sha256(), code.code());
        try {
            committer.commit(tx -> {
                tx.audit(record);
                return null;
            });
        } catch (RuntimeException e) {
            log.error("rejection of {} could not be audited: {}", document.sha256(), SafeFailure.describe(e));
        }
    }
}
