package dk.dkrw.hub.support;

import dk.dkrw.hub.signature.PemFiles;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An agency on the message bus: a JMS client over the broker's TLS acceptor with the agency's dev client
 * certificate and its broker user, sending to {@code dk.dossiers.inbound} and reading receipts from its
 * temporary reply queue and rejections from {@code dk.dossiers.rejected} by correlation id.
 */
public final class QueueClient implements AutoCloseable {

    public static final String INBOUND = "dk.dossiers.inbound";
    public static final String REJECTED = "dk.dossiers.rejected";

    private final Connection connection;
    private final Session session;
    private final TemporaryQueue replies;
    private final MessageProducer producer;

    /** Connects as the dev party {@code party} with its documented development broker password. */
    public QueueClient(String party, int port) throws Exception {
        this(party, party, party + "-broker-dev-password", port);
    }

    /** Connects with the TLS certificate of {@code certificate} and the broker user/password given. */
    public QueueClient(String certificate, String user, String password, int port) throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url(certificate, port));
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(10_000);
        this.connection = factory.createConnection(user, password);
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.replies = session.createTemporaryQueue();
        this.producer = session.createProducer(session.createQueue(INBOUND));
        connection.start();
    }

    /** A dossier with its signature as the JMS-safe property; returns the correlation id. */
    public synchronized String send(byte[] dossier, String signature) throws JMSException {
        return send(s -> {
            BytesMessage message = s.createBytesMessage();
            message.writeBytes(dossier);
            if (signature != null) {
                message.setStringProperty("X_Dossier_Signature", signature);
            }
            return message;
        });
    }

    /** Any message the test builds (poison), with a fresh correlation id and the reply queue. */
    public synchronized String send(JmsFunction<Session, Message> build) throws JMSException {
        Message message = build.apply(session);
        String correlationId = UUID.randomUUID().toString();
        message.setJMSCorrelationID(correlationId);
        message.setJMSReplyTo(replies);
        producer.send(message);
        return correlationId;
    }

    /**
     * Sends many dossiers in transacted batches of 100 (fast: one journal sync per batch), each with the reply
     * queue and a fresh correlation id; returns the correlation ids in order.
     */
    public synchronized List<String> sendAll(List<byte[]> dossiers, List<String> signatures) throws JMSException {
        List<String> ids = new ArrayList<>();
        try (Session batch = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer out = batch.createProducer(batch.createQueue(INBOUND))) {
            for (int i = 0; i < dossiers.size(); i++) {
                BytesMessage message = batch.createBytesMessage();
                message.writeBytes(dossiers.get(i));
                message.setStringProperty("X_Dossier_Signature", signatures.get(i));
                String correlationId = UUID.randomUUID().toString();
                message.setJMSCorrelationID(correlationId);
                message.setJMSReplyTo(replies);
                out.send(message);
                ids.add(correlationId);
                if (ids.size() % 100 == 0) {
                    batch.commit();
                }
            }
            batch.commit();
        }
        return ids;
    }

    /** Sends raw bytes to another address (which an agency must not be allowed to). */
    public synchronized void sendTo(String address, byte[] body) throws JMSException {
        try (MessageProducer other = session.createProducer(session.createQueue(address))) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            other.send(message);
        }
    }

    /** The answer to one message: the receipt on the reply queue or the problem on dk.dossiers.rejected. */
    public synchronized Answer await(String correlationId, Duration timeout) throws JMSException {
        String selector = "JMSCorrelationID = '" + correlationId + "'";
        Queue rejected = session.createQueue(REJECTED);
        try (MessageConsumer receipts = session.createConsumer(replies, selector);
             MessageConsumer rejections = session.createConsumer(rejected, selector)) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Message receipt = receipts.receive(100);
                if (receipt != null) {
                    return Answer.of(receipt, false);
                }
                Message rejection = rejections.receive(100);
                if (rejection != null) {
                    return Answer.of(rejection, true);
                }
            }
        }
        throw new IllegalStateException("no answer to " + correlationId + " within " + timeout);
    }

    /** Takes the next rejection from dk.dossiers.rejected, or null after {@code wait}. */
    public synchronized Answer nextRejection(Duration wait) throws JMSException {
        try (MessageConsumer rejections = session.createConsumer(session.createQueue(REJECTED))) {
            Message message = rejections.receive(wait.toMillis());
            return message == null ? null : Answer.of(message, true);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }

    /** A receipt (body = receipt JSON) or a rejection (body = problem JSON, code = its cause code). */
    public record Answer(boolean rejected, String correlationId, byte[] body, String code, String signature,
                         String outcome, String messageId, boolean redelivered, long timestamp) {

        static Answer of(Message message, boolean rejected) throws JMSException {
            byte[] body;
            if (message instanceof TextMessage text) {
                body = text.getText().getBytes(StandardCharsets.UTF_8);
            } else {
                BytesMessage bytes = (BytesMessage) message;
                body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
            }
            return new Answer(rejected, message.getJMSCorrelationID(), body,
                    message.getStringProperty("hubProblemCode"), message.getStringProperty("X_Receipt_Signature"),
                    message.getStringProperty("hubOutcome"), message.getJMSMessageID(), message.getJMSRedelivered(),
                    message.getJMSTimestamp());
        }
    }

    /** A function that may throw JMSException. */
    @FunctionalInterface
    public interface JmsFunction<T, R> {
        R apply(T value) throws JMSException;
    }

    private static String url(String certificate, int port) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "queue-client-tls"));
        Path keys = dir.resolve(certificate + "-keystore.p12");
        Path trust = dir.resolve("dev-ca-truststore.p12");
        String password = "test-store";
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("client", PemFiles.readPrivateKey(DevPki.key(certificate)), password.toCharArray(),
                new X509Certificate[] {PemFiles.readCertificate(DevPki.cert(certificate))});
        write(keyStore, keys, password);
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", PemFiles.readCertificate(DevPki.DIR.resolve("ca.crt")));
        write(trustStore, trust, password);
        return "tcp://127.0.0.1:" + port + "?sslEnabled=true&keyStoreType=PKCS12&keyStorePath="
                + keys.toAbsolutePath() + "&keyStorePassword=" + password + "&trustStoreType=PKCS12&trustStorePath="
                + trust.toAbsolutePath() + "&trustStorePassword=" + password;
    }

    private static synchronized void write(KeyStore store, Path file, String password) throws Exception {
        Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID());
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password.toCharArray());
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

}
