package dk.dkrw.hub.outbox;

import dk.dkrw.hub.deadletter.DeliveryFailures;
import dk.dkrw.hub.logging.LogContext;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Sends one message outside the outbox: a delivery retry scheduled for later, or a message moved to its
 * dead-letter queue by the hub itself. Keeps the message key and group, and never sets a duplicate id (the
 * broker would drop a retry as a duplicate of the original).
 */
@Component
public class MessageSender {

    /** Artemis: deliver no earlier than this epoch millisecond. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    /** Artemis: the queue a dead-lettered message came from. */
    public static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    private final JmsTemplate jms;

    public MessageSender(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
    }

    /** Sends {@code body} to {@code queue}, to be delivered at {@code notBefore} (null: now). */
    public void send(String queue, String body, String key, String groupId, Instant notBefore) {
        jms.send(queue, session -> {
            TextMessage message = session.createTextMessage(body);
            keyAndGroup(message, key, groupId);
            if (notBefore != null) {
                message.setLongProperty(SCHEDULED_DELIVERY, notBefore.toEpochMilli());
            }
            return message;
        });
    }

    /** Moves a message the hub gave up on to {@code DLQ.<queue>}, as the broker itself would. */
    public void deadLetter(String queue, String body, String key, String groupId) {
        jms.send("DLQ." + queue, session -> {
            TextMessage message = session.createTextMessage(body);
            keyAndGroup(message, key, groupId);
            message.setStringProperty(ORIGINAL_QUEUE, queue);
            return message;
        });
    }

    private static void keyAndGroup(TextMessage message, String key, String groupId) throws JMSException {
        message.setStringProperty(DeliveryFailures.MESSAGE_KEY, key);
        if (LogContext.correlationId() != null) {
            message.setStringProperty(LogContext.CORRELATION_MESSAGE_HEADER, LogContext.correlationId());
        }
        if (groupId != null) {
            message.setStringProperty("JMSXGroupID", groupId);
        }
    }
}
