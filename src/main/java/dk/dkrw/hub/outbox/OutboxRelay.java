package dk.dkrw.hub.outbox;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.deadletter.DeliveryFailures;
import dk.dkrw.hub.logging.LogContext;
import dk.dkrw.hub.problem.SafeFailure;
import jakarta.annotation.PreDestroy;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed outbox rows to their Artemis queues: a batch per broker transaction, then the rows are
 * deleted. A crash between the broker commit and the delete resends the batch; the consumers are idempotent on
 * the message key. (The broker's duplicate detection is deliberately not used: one duplicate in a transacted
 * batch rolls the whole batch back, so a resent batch would never get through.)
 * Woken right after each commit; the {@code outbox-relay} route also sweeps on a timer.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JmsTemplate jms;
    private final int batchSize;
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hub-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, ConnectionFactory connectionFactory,
                       HubProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.batchSize = properties.outbox().batchSize();
    }

    /** Asks for a relay run soon; calls made while one is queued fold into it. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakeQueued.set(false);
                relayPending();
            });
        }
    }

    /** Relays everything pending, batch by batch; returns how many messages went out. */
    public synchronized int relayPending() {
        int total = 0;
        try {
            int sent;
            do {
                sent = relayBatch();
                total += sent;
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            log.error("outbox relay failed, will retry on the next sweep: {}", SafeFailure.describe(e));
        }
        return total;
    }

    private int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxRows.Row> rows = OutboxRows.claim(jdbc, batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            jms.execute(session -> {
                send(session, rows);
                return null;
            }, true);
            OutboxRows.delete(jdbc, rows);
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private static void send(Session session, List<OutboxRows.Row> rows) throws JMSException {
        for (OutboxRows.Row row : rows) {
            TextMessage message = session.createTextMessage(row.body());
            message.setStringProperty(DeliveryFailures.MESSAGE_KEY, row.key());
            if (row.correlationId() != null) {
                message.setStringProperty(LogContext.CORRELATION_MESSAGE_HEADER, row.correlationId());
            }
            if (row.groupId() != null) {
                message.setStringProperty("JMSXGroupID", row.groupId());
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(row.destination()))) {
                producer.send(message);
            }
        }
        session.commit();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        waker.shutdown();
        waker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
