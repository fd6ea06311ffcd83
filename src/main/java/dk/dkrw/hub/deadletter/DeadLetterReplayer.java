package dk.dkrw.hub.deadletter;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.dossier.DossierStatus;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.storage.GroupCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays OPEN dead letters: re-sends each stored message to its original queue, then, in one group commit,
 * marks it REPLAYED with the operator's name and reason, sets a FAILED dossier version back to RECEIVED and
 * audits the step.
 *
 * <p>The broker commit comes first: a crash between the two commits leaves the row OPEN with the message
 * already sent, so the worst case is a second replay, which the idempotent consumers absorb. A row is never
 * marked REPLAYED without its message having been sent.
 */
@Component
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    /** Rows per broker transaction and group commit when replaying many. */
    static final int CHUNK = 100;

    private final DeadLetterStore store;
    private final DeadLetterSender sender;
    private final GroupCommitter committer;
    private final DossierStore dossiers;
    private final Clock clock;

    public DeadLetterReplayer(DeadLetterStore store, DeadLetterSender sender, GroupCommitter committer,
                              DossierStore dossiers, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.committer = committer;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** Replays one dead letter; 404 when unknown, 409 when it is not OPEN. Returns the updated row. */
    public DeadLetter replay(long id, OperatorAction action) {
        DeadLetter deadLetter = store.find(id).orElseThrow(() -> notFound(id));
        if (deadLetter.state() != DeadLetterState.OPEN) {
            throw notOpen(deadLetter);
        }
        if (replayChunk(List.of(deadLetter), action).isEmpty()) {
            throw new HubException(ProblemCode.CONFLICT, "dead letter " + id + " was resolved meanwhile");
        }
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** Replays every OPEN dead letter matching the filter, in id order; returns the ids replayed. */
    public List<Long> replayAll(DeadLetterFilter filter, OperatorAction action) {
        List<Long> replayed = new ArrayList<>();
        long after = 0;
        List<DeadLetter> chunk;
        while (!(chunk = store.openAfter(filter, after, CHUNK)).isEmpty()) {
            replayed.addAll(replayChunk(chunk, action));
            after = chunk.get(chunk.size() - 1).id();
        }
        return replayed;
    }

    private List<Long> replayChunk(List<DeadLetter> chunk, OperatorAction action) {
        sender.send(chunk);
        Instant now = Instant.now(clock);
        List<Long> marked = committer.commit(tx -> {
            List<Long> ids = new ArrayList<>(chunk.size());
            for (DeadLetter deadLetter : chunk) {
                if (store.resolve(tx.jdbc(), deadLetter.id(), DeadLetterState.REPLAYED, action.operator(),
                        action.reason(), now) == 0) {
                    continue;
                }
                if (deadLetter.concernsDossierVersion()) {
                    dossiers.advanceStatus(tx.jdbc(), deadLetter.dossierId(), deadLetter.version(),
                            DossierStatus.FAILED, DossierStatus.RECEIVED, now);
                }
                tx.audit(audit(AuditKind.DEAD_LETTER_REPLAYED, deadLetter, action, now));
                ids.add(deadLetter.id());
            }
            return ids;
        });
        log.info("dead letters {} sent back to their queues", marked);
        return marked;
    }

    static AuditRecord audit(AuditKind kind, DeadLetter deadLetter, OperatorAction action, Instant at) {
        return AuditRecord.of(kind, at).party(action.auditParty())
                .dossier(deadLetter.dossierId(), deadLetter.version()).caseId(deadLetter.caseId())
                .event(deadLetter.eventId()).cause(deadLetter.causeCode())
                .detail("dead letter " + deadLetter.id() + ", queue " + deadLetter.queue() + ", route "
                        + deadLetter.route())
                .build();
    }

    static HubException notFound(long id) {
        return new HubException(ProblemCode.NOT_FOUND, "no dead letter " + id);
    }

    static HubException notOpen(DeadLetter deadLetter) {
        return new HubException(ProblemCode.CONFLICT, "dead letter " + deadLetter.id() + " is "
                + deadLetter.state() + ", not OPEN");
    }
}
