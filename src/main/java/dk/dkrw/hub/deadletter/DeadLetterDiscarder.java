package dk.dkrw.hub.deadletter;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.storage.GroupCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Closes an OPEN dead letter without sending it again: the row becomes DISCARDED with the operator's name and
 * reason, the step is audited, and a FAILED dossier version stays FAILED.
 */
@Component
public class DeadLetterDiscarder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDiscarder.class);

    private final DeadLetterStore store;
    private final GroupCommitter committer;
    private final Clock clock;

    public DeadLetterDiscarder(DeadLetterStore store, GroupCommitter committer, Clock clock) {
        this.store = store;
        this.committer = committer;
        this.clock = clock;
    }

    /** 404 when unknown, 409 when not OPEN; returns the updated row. */
    public DeadLetter discard(long id, OperatorAction action) {
        DeadLetter deadLetter = store.find(id).orElseThrow(() -> DeadLetterReplayer.notFound(id));
        if (deadLetter.state() != DeadLetterState.OPEN) {
            throw DeadLetterReplayer.notOpen(deadLetter);
        }
        Instant now = Instant.now(clock);
        committer.commit(tx -> {
            if (store.resolve(tx.jdbc(), id, DeadLetterState.DISCARDED, action.operator(), action.reason(),
                    now) == 0) {
                throw new HubException(ProblemCode.CONFLICT, "dead letter " + id + " was resolved meanwhile");
            }
            tx.audit(DeadLetterReplayer.audit(AuditKind.DEAD_LETTER_DISCARDED, deadLetter, action, now));
            return null;
        });
        log.info("discarded dead letter {}", id);
        return store.find(id).orElseThrow(() -> DeadLetterReplayer.notFound(id));
    }
}
