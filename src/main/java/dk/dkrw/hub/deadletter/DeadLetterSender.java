package dk.dkrw.hub.deadletter;

import dk.dkrw.hub.logging.LogContext;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Puts stored dead letters back on their original queues, all of one call in one broker transaction, in the
 * order given. Each message keeps its key and group and says which dead letter it replays. It carries no
 * duplicate id: the broker must not drop it as a copy of the original, which its duplicate cache still holds.
 */
@Component
public class DeadLetterSender {

    /** Message property naming the dead letter a replayed message comes from. */
    public static final String REPLAY_OF = "hubReplayOf";

    private final JmsTemplate jms;

    public DeadLetterSender(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /** Returns once the broker has committed every message; throws and sends nothing otherwise. */
    public void send(List<DeadLetter> deadLetters) {
        jms.execute(session -> {
            send(session, deadLetters);
            return null;
        }, true);
    }

    private static void send(Session session, List<DeadLetter> deadLetters) throws JMSException {
        for (DeadLetter deadLetter : deadLetters) {
            TextMessage message = session.createTextMessage(deadLetter.body());
            message.setStringProperty(DeliveryFailures.MESSAGE_KEY, deadLetter.messageKey());
            message.setStringProperty(REPLAY_OF, Long.toString(deadLetter.id()));
            if (LogContext.correlationId() != null) {
                message.setStringProperty(LogContext.CORRELATION_MESSAGE_HEADER, LogContext.correlationId());
            }
            if (deadLetter.groupId() != null) {
                message.setStringProperty("JMSXGroupID", deadLetter.groupId());
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(deadLetter.queue()))) {
                producer.send(message);
            }
        }
        session.commit();
    }
}
