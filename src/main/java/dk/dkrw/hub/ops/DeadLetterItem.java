package dk.dkrw.hub.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.dkrw.hub.deadletter.DeadLetter;

import java.time.Instant;
import java.util.List;

/**
 * A dead letter as operators see it: ids, route, cause, counts and times. Never the message body or the
 * operator's reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterItem(long id, String route, String queue, String dossierId, Integer version,
                             String eventId, String caseId, String firstFailureAt, String lastFailureAt,
                             int attempts, Cause cause, String state, String resolvedAt, String resolvedBy) {

    /** The failure's contract code and its id-only text. */
    public record Cause(String code, String text) {
    }

    /** The list answer. */
    public record Page(List<DeadLetterItem> items) {
    }

    /** The answer to a replay of many. */
    public record Replayed(int replayed, List<Long> ids) {
    }

    static DeadLetterItem of(DeadLetter d) {
        return new DeadLetterItem(d.id(), d.route(), d.queue(), d.dossierId(), d.version(), d.eventId(),
                d.caseId(), text(d.firstFailureAt()), text(d.lastFailureAt()), d.attempts(),
                new Cause(d.causeCode(), d.causeText()), d.state().name(), text(d.resolvedAt()), d.resolvedBy());
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
