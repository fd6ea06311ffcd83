package dk.dkrw.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.QueueClient;
import dk.dkrw.hub.support.Samples;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The queue channel end to end over the broker's TLS acceptor: the same pipeline, receipts and cause codes
 * as REST, idempotent across channels, and nothing a sender puts on the queue can block it.
 */
class QueueIntakeIT extends HubIT {

    private static final Duration ANSWER = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    jakarta.jms.ConnectionFactory connectionFactory;

    QueueClient agency;

    @BeforeEach
    void connect() throws Exception {
        agency = new QueueClient("dk-dis", BROKER_PORT);
    }

    @AfterEach
    void disconnect() throws JMSException {
        agency.close();
    }

    @Test
    void sameDossierOverRestAndQueueMakesOneCaseAndTheQueueGetsTheOriginalReceipt() throws Exception {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String dossierId = Dossiers.dossierId(dossier);
        String signature = DevPki.signer("dk-dis").signBase64(dossier);
        HttpResponse<byte[]> rest = new PartnerClient("dk-dis", port).postDossier(dossier, signature);
        assertThat(rest.statusCode()).isEqualTo(202);

        QueueClient.Answer answer = agency.await(agency.send(dossier, signature), ANSWER);

        assertThat(answer.rejected()).isFalse();
        assertThat(answer.outcome()).isEqualTo("duplicate");
        assertThat(answer.body()).isEqualTo(rest.body());
        assertThat(answer.signature()).isEqualTo(rest.headers().firstValue("X-Receipt-Signature").orElseThrow());
        // the case stage builds the case after the receipt, asynchronously: wait for it, then there must be one
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from case_record where dossier_id = ?", Long.class, dossierId) > 0);
        assertThat(jdbc.queryForObject("select count(*) from case_record where dossier_id = ?", Long.class,
                dossierId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from dossier_version where dossier_id = ?", Long.class,
                dossierId)).isEqualTo(1);
    }

    @Test
    void newDossierOnTheQueueIsAcceptedWithASignedReceiptAndRepeatsAreDuplicates() throws Exception {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String signature = DevPki.signer("dk-dis").signBase64(dossier);

        QueueClient.Answer first = agency.await(agency.send(dossier, signature), ANSWER);
        QueueClient.Answer again = agency.await(agency.send(dossier, signature), ANSWER);

        assertThat(first.outcome()).isEqualTo("accepted");
        JsonNode receipt = Dossiers.read(first.body());
        assertThat(receipt.path("dossierId").asText()).isEqualTo(Dossiers.dossierId(dossier));
        assertThat(receipt.path("sha256").asText()).isEqualTo(Samples.sha256(dossier));
        assertThat(first.signature()).isNotBlank();
        assertThat(again.outcome()).isEqualTo("duplicate");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("select count(*) from dossier_version where dossier_id = ?", Long.class,
                Dossiers.dossierId(dossier))).isEqualTo(1);
    }

    static Stream<String> invalidSamples() throws Exception {
        try (Stream<Path> files = Files.list(Samples.DIR.resolve("dossiers/invalid"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("invalidSamples")
    void eachInvalidSampleIsRejectedOnTheQueueWithTheSameCodeAsRest(String sample) throws Exception {
        byte[] body = Samples.invalidDossier(sample);
        String signature = DevPki.signer("dk-dis").signBase64(body);
        JsonNode restProblem = Dossiers.read(new PartnerClient("dk-dis", port).postDossier(body, signature).body());

        QueueClient.Answer answer = agency.await(agency.send(body, signature), ANSWER);

        assertThat(answer.rejected()).isTrue();
        JsonNode queueProblem = Dossiers.read(answer.body());
        assertThat(queueProblem.path("type").asText()).isEqualTo(restProblem.path("type").asText());
        assertThat(answer.code()).isEqualTo(restProblem.path("type").asText().replace("urn:dkrw-hub:problem:", ""));
        assertThat(queueProblem.path("errors")).isEqualTo(restProblem.path("errors"));
    }

    @Test
    void transportRefusalsCarryTheRestCodes() throws Exception {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        assertThat(agency.await(agency.send(dossier, null), ANSWER).code()).isEqualTo("signature-missing");
        byte[] tampered = Arrays.copyOf(dossier, dossier.length);
        tampered[tampered.length - 2] = (byte) ' ';
        assertThat(agency.await(agency.send(tampered, DevPki.signer("dk-dis").signBase64(dossier)), ANSWER).code())
                .isEqualTo("signature-invalid");
        // connected as dk-dis, signed by dk-hjr: the REST party-mismatch rule
        assertThat(agency.await(agency.send(dossier, DevPki.signer("dk-hjr").signBase64(dossier)), ANSWER).code())
                .isEqualTo("party-mismatch");
    }

    @Test
    void poisonMessagesAreRejectedAndDoNotBlockTheNextDossier() throws Exception {
        String text = agency.send(s -> s.createTextMessage("{\"not\": \"bytes\"}"));
        String map = agency.send(s -> s.createMapMessage());
        String empty = agency.send(s -> s.createBytesMessage());
        String garbage = agency.send(s -> {
            BytesMessage message = s.createBytesMessage();
            message.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
            message.setStringProperty("X_Dossier_Signature", "not base64 at all");
            return message;
        });
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String valid = agency.send(dossier, DevPki.signer("dk-dis").signBase64(dossier));

        assertThat(agency.await(text, ANSWER).code()).isEqualTo("unsupported-media-type");
        assertThat(agency.await(map, ANSWER).code()).isEqualTo("unsupported-media-type");
        assertThat(agency.await(empty, ANSWER).code()).isEqualTo("signature-missing");
        assertThat(agency.await(garbage, ANSWER).code()).isEqualTo("signature-missing");
        QueueClient.Answer accepted = agency.await(valid, ANSWER);
        assertThat(accepted.rejected()).isFalse();
        assertThat(accepted.outcome()).isEqualTo("accepted");
    }

    @Test
    void aMessageTheBrokerDeadLettersBecomesAnOperatorVisibleDeadLetterWithoutTheDossier() throws Exception {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        jakarta.jms.Message[] sent = new jakarta.jms.Message[1];
        // as the broker does after the last failed delivery attempt
        new JmsTemplate(connectionFactory).send("DLQ." + QueueClient.INBOUND, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(dossier);
            message.setStringProperty("_AMQ_ORIG_QUEUE", QueueClient.INBOUND);
            sent[0] = message;
            return message;
        });
        String key = QueueClient.INBOUND + ":" + sent[0].getJMSMessageID();

        await().atMost(ANSWER).until(() -> jdbc.queryForObject("select count(*) from dead_letter "
                + "where message_key = ? and state = 'OPEN'", Long.class, key) == 1);
        String body = jdbc.queryForObject("select body from dead_letter where message_key = ?", String.class, key);
        assertThat(body).contains(Samples.sha256(dossier)).doesNotContain(Dossiers.dossierId(dossier));
        assertThat(jdbc.queryForObject("select queue from dead_letter where message_key = ?", String.class, key))
                .isEqualTo(QueueClient.INBOUND);
    }

    @Test
    void dossierOverTheJsonLimitIsRefusedAsTooLarge() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        String id = agency.send(s -> {
            BytesMessage message = s.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty("X_Dossier_Signature", "AAAA");
            return message;
        });
        assertThat(agency.await(id, ANSWER).code()).isEqualTo("payload-too-large");
    }

    @Test
    void brokerRefusesWrongPasswordAndAPasswordOfAnotherPartysCertificate() {
        assertThatThrownBy(() -> new QueueClient("dk-dis", "dk-dis", "wrong", BROKER_PORT).close())
                .isInstanceOf(JMSException.class);
        // dk-hjr's own password, but dk-dis's TLS certificate
        assertThatThrownBy(() -> new QueueClient("dk-dis", "dk-hjr", "dk-hjr-broker-dev-password", BROKER_PORT)
                .close()).isInstanceOf(JMSException.class);
    }

    @Test
    void agencyMayNotSendToTheHubsOwnQueues() throws Exception {
        assertThatThrownBy(() -> agency.sendTo("hub.dossier.accepted", new byte[] {1}))
                .isInstanceOf(JMSException.class);
    }
}
