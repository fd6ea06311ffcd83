package dk.dkrw.hub.deadletter;

import java.time.Instant;

/**
 * One stored dead letter. {@code body} is the original message (an id-only claim check) and is needed only to
 * re-send it; what operators are shown leaves it out.
 */
public record DeadLetter(long id, String queue, String route, String messageKey, String groupId, String body,
                         String dossierId, Integer version, String caseId, String eventId, String causeCode,
                         String causeText, int attempts, Instant firstFailureAt, Instant lastFailureAt,
                         DeadLetterState state, Instant resolvedAt, String resolvedBy) {

    /**
     * Whether the message concerns one dossier version, which the capture marked FAILED and a replay sets back
     * to RECEIVED (the same rule as {@link DeadLetterCapture}).
     */
    boolean concernsDossierVersion() {
        return dossierId != null && version != null && eventId == null;
    }
}
