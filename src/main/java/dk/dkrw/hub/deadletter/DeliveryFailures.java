package dk.dkrw.hub.deadletter;

import dk.dkrw.hub.storage.GroupCommitter;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Called by the {@code consumer-failures} route configuration each time a queue consumer fails a message:
 * records the attempt (in a group commit of its own, so it is durable and survives the rollback that follows)
 * and logs it with ids and the cause code. The broker then redelivers; when it gives up,
 * {@link DeadLetterCapture} turns this record into the dead letter's cause and attempt history.
 */
@Component
public class DeliveryFailures {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);
    /** Message property carrying the stable message key (set by the outbox relay). */
    public static final String MESSAGE_KEY = "hubMessageKey";

    private final GroupCommitter committer;
    private final Clock clock;

    public DeliveryFailures(GroupCommitter committer, Clock clock) {
        this.committer = committer;
        this.clock = clock;
    }

    public void record(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        FailureCause cause = FailureCause.of(failure);
        String key = exchange.getMessage().getHeader(MESSAGE_KEY, String.class);
        String route = exchange.getFromRouteId();
        Integer delivery = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        log.warn("route {} failed message {} (delivery {}): {} {}", route, key, delivery, cause.code(),
                cause.text());
        if (key == null) {
            return;
        }
        Instant now = Instant.now(clock);
        committer.commit(tx -> {
            upsert(tx.jdbc(), key, route, now, now, null, cause);
            return null;
        });
    }

    /**
     * Records the final failure of a message the hub dead-letters itself, in the caller's commit, so that the
     * dead letter shows the real attempt count and times.
     */
    public static void recordFinal(JdbcTemplate tx, String key, String route, Instant first, Instant last,
                                   int attempts, FailureCause cause) {
        upsert(tx, key, route, first, last, attempts, cause);
    }

    /** {@code attempts} null: count one more attempt than recorded. */
    private static void upsert(JdbcTemplate jdbc, String key, String route, Instant first, Instant last,
                               Integer attempts, FailureCause cause) {
        int updated = jdbc.update("update delivery_failure set last_failure_at = ?, attempts = "
                        + (attempts == null ? "attempts + 1" : String.valueOf(attempts.intValue()))
                        + ", cause_code = ?, cause_text = ?, route = ? where message_key = ?",
                Timestamp.from(last), cause.code(), cause.text(), route, key);
        if (updated == 0) {
            jdbc.update("insert into delivery_failure (message_key, route, first_failure_at, last_failure_at, "
                            + "attempts, cause_code, cause_text) values (?, ?, ?, ?, ?, ?, ?)",
                    key, route, Timestamp.from(first), Timestamp.from(last), attempts == null ? 1 : attempts,
                    cause.code(), cause.text());
        }
    }
}
