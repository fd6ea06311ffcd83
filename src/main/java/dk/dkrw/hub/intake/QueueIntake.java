package dk.dkrw.hub.intake;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyRegistry;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.Sha256;
import dk.dkrw.hub.web.RequestBodies;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Queue channel adapter for {@code dk.dossiers.inbound}: turns one JMS message (dossier bytes in a
 * BytesMessage, detached CMS in {@code X-Dossier-Signature}) into a {@link Submission} for the same intake
 * route as REST, then answers in the consumer's own transaction: the signed receipt to the JMSReplyTo, or the
 * problem JSON to {@code dk.dossiers.rejected}. A message the hub cannot read (wrong type, too large, no
 * known sender) is a rejection too, so it never blocks the queue. Only a failure of the hub itself (5xx) rolls
 * the transaction back, so that the broker redelivers and finally dead-letters it.
 */
@Component
public class QueueIntake {

    public static final String INBOUND = "dk.dossiers.inbound";
    public static final String REJECTED = "dk.dossiers.rejected";
    /** The contract's property name; JMS clients, whose property names must be identifiers, use the other. */
    static final String SIGNATURE_PROPERTY = "X-Dossier-Signature";
    static final String JMS_SIGNATURE_PROPERTY = "X_Dossier_Signature";
    /** Set by the broker (populate-validated-user) to the authenticated party of the sending connection. */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";
    private static final String HUB_INTERNAL = "hub-internal";

    private final IntakeGateway intake;
    private final IntakeRejections rejections;
    private final QueueReplies replies;
    private final PartyRegistry parties;
    private final long maxJsonBytes;
    private final Clock clock;

    public QueueIntake(IntakeGateway intake, IntakeRejections rejections, QueueReplies replies,
                       PartyRegistry parties, HubProperties properties, Clock clock) {
        this.intake = intake;
        this.rejections = rejections;
        this.replies = replies;
        this.parties = parties;
        this.maxJsonBytes = properties.partner().maxJsonBytes().toBytes();
        this.clock = clock;
    }

    public void receive(Exchange exchange) throws JMSException {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Message message = in.getJmsMessage();
        Session session = in.getJmsSession();
        Instant receivedAt = clock.instant();
        Party party = null;
        Submission submission = null;
        try {
            party = transportParty(message);
            byte[] body = body(message);
            submission = new Submission(Channel.QUEUE, party, body, signature(message), receivedAt,
                    Sha256.hex(body));
        } catch (HubException unreadable) {
            Submission refused = new Submission(Channel.QUEUE, party, new byte[0], null, receivedAt,
                    Sha256.hex(new byte[0]));
            rejections.record(refused, unreadable);
            replies.rejection(session, message, unreadable, refused.sha256());
            return;
        }
        try {
            replies.receipt(session, message, intake.submit(submission));
        } catch (HubException refused) {
            if (refused.code().status() >= 500) {
                throw refused; // the hub's own failure: roll back, redeliver, finally dead-letter
            }
            replies.rejection(session, message, refused, submission.sha256());
        }
    }

    /** The party the broker authenticated; none for the hub's own in-VM producers (the signer decides). */
    private Party transportParty(Message message) throws JMSException {
        String user = message.getStringProperty(VALIDATED_USER);
        if (user == null || HUB_INTERNAL.equals(user)) {
            return null;
        }
        return parties.byId(user).orElseThrow(() -> new HubException(ProblemCode.FORBIDDEN,
                "the sending broker user is not a registered party"));
    }

    private byte[] body(Message message) throws JMSException {
        if (!(message instanceof BytesMessage bytes)) {
            throw new HubException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "the dossier must be sent as a BytesMessage holding the UTF-8 JSON bytes");
        }
        bytes.reset();
        long length = bytes.getBodyLength();
        if (length > maxJsonBytes) {
            throw RequestBodies.tooLarge(maxJsonBytes);
        }
        byte[] body = new byte[(int) length];
        if (length > 0 && bytes.readBytes(body) != length) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "the message body could not be read whole");
        }
        return body;
    }

    private static String signature(Message message) throws JMSException {
        String signature = message.getStringProperty(SIGNATURE_PROPERTY);
        return signature != null ? signature : message.getStringProperty(JMS_SIGNATURE_PROPERTY);
    }
}
