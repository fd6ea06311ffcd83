package dk.dkrw.hub.outbox;

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
        tx.jdbc().update("insert into outbox (destination, message_key, group_id, body, created_at) "
                        + "values (?, ?, ?, ?, ?)",
                message.destination(), message.key(), message.groupId(), message.body(), Timestamp.from(at));
        tx.afterCommit(relay::wake);
    }
}
