package dk.dkrw.hub.delivery;

import java.time.Instant;

/**
 * One event's delivery as it moves through the {@code event-delivery} route: what to do with it and what the
 * hub knows of its earlier attempts. {@code statusUpdate} is set only for {@link Action#DELIVER}.
 */
public record DeliveryJob(String eventId, String caseId, int sequence, Action action, String statusUpdate,
                          int attempts, Instant firstAttemptAt, Instant waitUntil, String claim) {

    /** The decision {@code prepare} takes. */
    public enum Action {
        /** Call the Danish endpoint now. */
        DELIVER,
        /** The previous event of the case is not delivered yet: come back later, without using an attempt. */
        WAIT,
        /** The previous event was dead-lettered: this one cannot overtake it, so it follows it. */
        FOLLOW_PREDECESSOR,
        /** Already delivered (a redelivered or replayed message): nothing to do. */
        SKIP
    }

    public String key() {
        return eventId;
    }
}
