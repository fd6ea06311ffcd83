package dk.dkrw.hub.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.dkrw.hub.config.ExchangeLogContext;
import dk.dkrw.hub.intake.IntakeRejections;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ids of a flow on its log lines: a dossier posted with a correlation id is logged with that correlation
 * id and its dossierId by the intake route on the request thread, and again, with its caseId, by the case
 * stage on a queue consumer thread (the correlation id travels in the outbox row and the JMS message).
 */
class LogContextIT extends HubIT {

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger exchanges = (Logger) LoggerFactory.getLogger(ExchangeLogContext.class);
    private Level exchangesLevel;

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
        exchangesLevel = exchanges.getLevel();
        exchanges.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        exchanges.setLevel(exchangesLevel);
        root.detachAppender(captured);
        captured.stop();
    }

    @Test
    void everyLineOfAnAcceptedDossiersFlowCarriesItsIdsAcrossTheQueue() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String dossierId = Dossiers.dossierId(dossier);
        String correlationId = "it-" + UUID.randomUUID();

        HttpResponse<byte[]> response = post(dossier, DevPki.signer("dk-dis").signBase64(dossier), correlationId);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue(LogContext.CORRELATION_HTTP_HEADER)).hasValue(correlationId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> intake = lineOf("dossier-intake", dossierId);
            assertThat(intake).containsEntry(LogContext.CORRELATION_ID, correlationId)
                    .containsKey("camel.exchangeId");
            Map<String, String> caseStage = lineOf("case-transform", dossierId);
            assertThat(caseStage).containsEntry(LogContext.CORRELATION_ID, correlationId)
                    .containsKey(LogContext.CASE_ID);
            assertThat(UUID.fromString(caseStage.get(LogContext.CASE_ID))).isNotNull();
        });
    }

    @Test
    void aRefusalIsLoggedWithTheRequestsCorrelationIdAndRoute() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String correlationId = "it-" + UUID.randomUUID();

        HttpResponse<byte[]> response = post(dossier, DevPki.signer("dk-dis").signBase64(
                Dossiers.withNewId(dossier)), correlationId);

        assertThat(response.statusCode()).isEqualTo(422);
        List<Map<String, String>> refusals = captured.list.stream()
                .filter(e -> e.getLoggerName().equals(IntakeRejections.class.getName()))
                .map(ILoggingEvent::getMDCPropertyMap)
                .filter(mdc -> correlationId.equals(mdc.get(LogContext.CORRELATION_ID))).toList();
        assertThat(refusals).singleElement().satisfies(mdc ->
                assertThat(mdc).containsEntry("camel.routeId", "dossier-intake"));
    }

    @Test
    void aMalformedCorrelationIdIsReplacedNotLogged() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));

        HttpResponse<byte[]> response = post(dossier, DevPki.signer("dk-dis").signBase64(dossier),
                "not an id: {spaces}");

        String assigned = response.headers().firstValue(LogContext.CORRELATION_HTTP_HEADER).orElseThrow();
        assertThat(assigned).isNotEqualTo("not an id: {spaces}");
        assertThat(UUID.fromString(assigned)).isNotNull();
    }

    private Map<String, String> lineOf(String routeId, String dossierId) {
        return captured.list.stream().map(ILoggingEvent::getMDCPropertyMap)
                .filter(mdc -> routeId.equals(mdc.get("camel.routeId")))
                .filter(mdc -> dossierId.equals(mdc.get(LogContext.DOSSIER_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("no line of " + routeId + " for the dossier"));
    }

    private HttpResponse<byte[]> post(byte[] body, String signature, String correlationId) {
        PartnerClient agency = new PartnerClient("dk-dis", port);
        return agency.send(HttpRequest.newBuilder(URI.create(agency.base() + "/api/v1/dossiers"))
                .header("Content-Type", "application/json").header("X-Dossier-Signature", signature)
                .header(LogContext.CORRELATION_HTTP_HEADER, correlationId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }
}
