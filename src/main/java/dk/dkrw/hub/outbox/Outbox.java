package dk.dkrw.hub.outbox;

import dk.dkrw.hub.logging.LogContext;
import dk.dkrw.hub.storage.Tx;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Writes messages into the transactional outbox, in the same commit as the state change they announce. */
@Component
public class Outbox {

    private final OutboxRelay relay;

    public Outbox(OutboxRelay relay) {
        this.relay = relay;
    }

    public void add(Tx tx, OutboxMessage message, Instant at) {
        // the correlation id of the request that caused the message travels with it (LogContext)
        tx.jdbc().update("insert into outbox (destination, message_key, group_id, body, created_at, "
                        + "correlation_id) values (?, ?, ?, ?, ?, ?)",
                message.destination(), message.key(), message.groupId(), message.body(), Timestamp.from(at),
                LogContext.correlationId());
        tx.afterCommit(relay::wake);
    }
}
