package dk.dkrw.hub.cases;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.event.CaseLifecycle;
import dk.dkrw.hub.event.EventIdentity;
import dk.dkrw.hub.intake.Receipt;
import dk.dkrw.hub.intake.ReceiptIssuer;
import dk.dkrw.hub.outbox.Outbox;
import dk.dkrw.hub.outbox.OutboxMessage;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeIds;
import dk.dkrw.hub.storage.GroupCommitter;
import dk.dkrw.hub.storage.Tx;
import org.springframework.stereotype.Component;

import java.util.Base64;
import java.util.Optional;

/**
 * Event intake steps 3 and 5: idempotency on eventId, then, in one group-commit work, the case must be known,
 * the sequence must be the previous + 1 and the lifecycle must allow the event; the event, the case's new
 * position, the outbox message to the delivery stage and the audit entry are committed together.
 */
@Component
public class CaseEventAcceptance {

    /** The queue the delivery stage consumes; messages are grouped by caseId. */
    public static final String ACCEPTED_QUEUE = "hub.event.accepted";

    private final CaseEventStore events;
    private final GroupCommitter committer;
    private final Outbox outbox;
    private final ReceiptIssuer receipts;

    public CaseEventAcceptance(CaseEventStore events, GroupCommitter committer, Outbox outbox,
                               ReceiptIssuer receipts) {
        this.events = events;
        this.committer = committer;
        this.outbox = outbox;
        this.receipts = receipts;
    }

    public EventSubmission findPrevious(EventSubmission submission) {
        EventIdentity id = submission.identity();
        if (SafeIds.isUuid(id.eventId())) {
            events.find(id.eventId()).ifPresent(existing -> submission.outcome(repeatOf(submission, existing)));
        }
        return submission;
    }

    public EventSubmission recordRepeat(EventSubmission submission) {
        committer.commit(tx -> {
            auditRepeat(tx, submission, submission.outcome());
            return null;
        });
        return submission;
    }

    public EventSubmission accept(EventSubmission submission) {
        EventIdentity id = submission.identity();
        Receipt receipt = receipts.forEvent(id.eventId(), id.caseId(), id.sequence(), submission.sha256(),
                submission.receivedAt());
        submission.outcome(committer.commit(tx -> store(tx, submission, receipt)));
        return submission;
    }

    private EventOutcome store(Tx tx, EventSubmission submission, Receipt receipt) {
        EventIdentity id = submission.identity();
        Optional<CaseEventStore.StoredEvent> existing = events.find(tx.jdbc(), id.eventId());
        if (existing.isPresent()) {
            EventOutcome repeat = repeatOf(submission, existing.get());
            auditRepeat(tx, submission, repeat);
            return repeat;
        }
        CaseEventStore.Position position = events.position(tx.jdbc(), id.caseId()).orElseThrow(() ->
                new HubException(ProblemCode.NOT_FOUND, "no case " + id.caseId()));
        int expected = position.lastSequence() + 1;
        if (id.sequence() != expected) {
            throw new HubException(ProblemCode.SEQUENCE_GAP, "case " + id.caseId() + " expects sequence "
                    + expected + ", not " + id.sequence());
        }
        CaseLifecycle.State next = CaseLifecycle.State.decode(position.lifecycleState())
                .apply(submission.document());
        events.insert(tx.jdbc(), new CaseEventStore.NewEvent(id.eventId(), id.caseId(), id.sequence(), id.type(),
                submission.signerParty().id(), submission.body(), submission.sha256(),
                Base64.getDecoder().decode(submission.signatureHeader().trim()),
                submission.signature().signerFingerprint(), submission.signature().signingTime(),
                receipt.receiptId(), receipt.body(), Base64.getDecoder().decode(receipt.signature()),
                submission.receivedAt()));
        events.advance(tx.jdbc(), id.caseId(), next.encode(), id.sequence());
        outbox.add(tx, new OutboxMessage(ACCEPTED_QUEUE, id.eventId(), id.caseId(), "{\"eventId\":\""
                + id.eventId() + "\",\"caseId\":\"" + id.caseId() + "\",\"sequence\":" + id.sequence() + "}"),
                submission.receivedAt());
        tx.audit(AuditRecord.of(AuditKind.EVENT_ACCEPTED, submission.receivedAt())
                .party(submission.signerParty().id()).dossier(position.dossierId(), null).caseId(id.caseId())
                .event(id.eventId()).sha256(submission.sha256())
                .detail("sequence " + id.sequence() + ", " + id.type() + ", state " + next.current()).build());
        return new EventOutcome(true, id.eventId(), id.caseId(), id.sequence(), receipt.body(), receipt.signature());
    }

    private static EventOutcome repeatOf(EventSubmission submission, CaseEventStore.StoredEvent existing) {
        if (!existing.sha256().equals(submission.sha256())) {
            throw new HubException(ProblemCode.CONFLICT, "event " + existing.eventId()
                    + " was already accepted with other bytes (sha256 " + existing.sha256() + ")");
        }
        return new EventOutcome(false, existing.eventId(), existing.caseId(), existing.sequence(),
                existing.receipt(), Base64.getEncoder().encodeToString(existing.receiptSignature()));
    }

    private static void auditRepeat(Tx tx, EventSubmission submission, EventOutcome outcome) {
        tx.audit(AuditRecord.of(AuditKind.EVENT_DUPLICATE, submission.receivedAt())
                .party(submission.signerParty().id()).caseId(outcome.caseId()).event(outcome.eventId())
                .sha256(submission.sha256()).build());
    }
}
