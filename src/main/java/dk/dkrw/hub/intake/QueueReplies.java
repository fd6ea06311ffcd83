package dk.dkrw.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.web.ProblemWriter;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The queue channel's answers, sent in the consuming session so that they commit together with the
 * consumption of the dossier message: a redelivery after a crash answers again (with the original receipt,
 * by idempotency), never twice for one commit. Each answer carries the request's correlation id (its
 * JMSCorrelationID, else its JMSMessageID).
 */
@Component
public class QueueReplies {

    static final String RECEIPT_SIGNATURE_PROPERTY = "X_Receipt_Signature";
    static final String OUTCOME_PROPERTY = "hubOutcome";
    static final String PROBLEM_CODE_PROPERTY = "hubProblemCode";
    static final String PROBLEM_STATUS_PROPERTY = "hubProblemStatus";
    static final String SHA256_PROPERTY = "hubSha256";

    /**
     * Receipts expire after a week: a temporary reply queue dies with its connection, and a broker that
     * auto-creates the vanished address would otherwise keep such a receipt for ever. A sender that missed its
     * receipt resends (the original receipt comes back) or asks for the dossier's status.
     */
    static final long RECEIPT_TIME_TO_LIVE_MILLIS = 7L * 24 * 60 * 60 * 1000;

    private static final Logger log = LoggerFactory.getLogger(QueueReplies.class);

    private final ProblemWriter problems;
    private final ObjectMapper json;

    public QueueReplies(ProblemWriter problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    /** The signed receipt to the request's JMSReplyTo; without one the dossier is still accepted. */
    void receipt(Session session, Message request, IntakeOutcome outcome) throws JMSException {
        Destination replyTo = request.getJMSReplyTo();
        if (replyTo == null) {
            log.info("dossier {} version {} received on the queue without a reply-to; no receipt sent",
                    outcome.dossierId(), outcome.version());
            return;
        }
        BytesMessage reply = session.createBytesMessage();
        reply.writeBytes(outcome.receipt());
        reply.setStringProperty(RECEIPT_SIGNATURE_PROPERTY, outcome.receiptSignature());
        reply.setStringProperty(OUTCOME_PROPERTY, outcome.created() ? "accepted" : "duplicate");
        reply.setStringProperty("dossierId", outcome.dossierId());
        reply.setIntProperty("version", outcome.version());
        reply.setJMSCorrelationID(correlationId(request));
        try (MessageProducer producer = session.createProducer(replyTo)) {
            producer.setTimeToLive(RECEIPT_TIME_TO_LIVE_MILLIS);
            producer.send(reply);
        } catch (InvalidDestinationException gone) {
            // a temporary reply queue dies with its connection; the dossier is durable and its status queryable
            log.warn("reply-to of dossier {} version {} no longer exists; receipt not delivered",
                    outcome.dossierId(), outcome.version());
        }
    }

    /** The problem JSON (same code as REST) to {@code dk.dossiers.rejected}. */
    void rejection(Session session, Message request, HubException refused, String sha256) throws JMSException {
        TextMessage reply = session.createTextMessage(problemJson(refused));
        reply.setStringProperty(PROBLEM_CODE_PROPERTY, refused.code().code());
        reply.setIntProperty(PROBLEM_STATUS_PROPERTY, refused.code().status());
        reply.setStringProperty(SHA256_PROPERTY, sha256);
        reply.setJMSCorrelationID(correlationId(request));
        try (MessageProducer producer = session.createProducer(session.createQueue(QueueIntake.REJECTED))) {
            producer.send(reply);
        }
        // the pair of ids matches an answer to its request in the broker (ids and hash only, no content)
        log.info("rejection {} answers queued message {} (delivery {}): cause={} sha256={}", reply.getJMSMessageID(),
                request.getJMSMessageID(), deliveryCount(request), refused.code().code(), sha256);
    }

    private static Object deliveryCount(Message request) throws JMSException {
        return request.getObjectProperty("JMSXDeliveryCount");
    }

    private String problemJson(HubException refused) {
        try {
            return json.writeValueAsString(problems.problem(refused, QueueIntake.INBOUND));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem document could not be serialised", e);
        }
    }

    private static String correlationId(Message request) throws JMSException {
        String correlation = request.getJMSCorrelationID();
        return correlation != null ? correlation : request.getJMSMessageID();
    }
}
