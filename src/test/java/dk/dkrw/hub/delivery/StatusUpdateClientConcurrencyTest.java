package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dk.dkrw.hub.delivery.DanishEndpointServer.CERTS;
import static org.assertj.core.api.Assertions.assertThat;

/** One client shared by many threads: every request carries its own MessageId, body and valid signature. */
class StatusUpdateClientConcurrencyTest {

    private static final int ROUNDS = 3;
    private static WireMockServer simulator;
    private static StatusUpdateClient client;

    @BeforeAll
    static void start() {
        simulator = DanishEndpointSimulator.start(0, new PrintStream(OutputStream.nullOutputStream()));
        client = StatusUpdateClient.create(new StatusEndpointSettings(DanishEndpointServer.url(simulator),
                CERTS.resolve("hub.crt"), CERTS.resolve("hub.key"), CERTS.resolve("ca.crt"),
                Duration.ofSeconds(2), Duration.ofSeconds(10)), CERTS.resolve("hub.crt"), CERTS.resolve("hub.key"));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        simulator.stop();
    }

    @Test
    void concurrentDeliveriesThroughOneClientKeepEachMessageIdWithItsOwnBody() throws Exception {
        List<CaseEventType> work = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            work.addAll(List.of(CaseEventType.values()));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<DeliveryResult>> results = new ArrayList<>();
        try {
            for (CaseEventType type : work) {
                String xml = DeliveryFixtures.statusUpdate(type);
                String id = DeliveryFixtures.eventId(type);
                results.add(threads.submit(() -> client.deliver(xml, id)));
            }
            List<DeliveryResult> delivered = new ArrayList<>();
            for (Future<DeliveryResult> result : results) {
                delivered.add(result.get());
            }

            Map<DeliveryResult.Outcome, Long> outcomes = delivered.stream()
                    .collect(Collectors.groupingBy(DeliveryResult::outcome, Collectors.counting()));
            assertThat(outcomes).containsEntry(DeliveryResult.Outcome.ACCEPTED, (long) CaseEventType.values().length)
                    .containsEntry(DeliveryResult.Outcome.DUPLICATE,
                            (long) CaseEventType.values().length * (ROUNDS - 1));
        } finally {
            threads.shutdownNow();
        }
        List<LoggedRequest> requests = simulator.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(work.size()).allSatisfy(request -> {
            Element envelope = WsSecurityVerifier.parse(request.getBodyAsString()).getDocumentElement();
            assertThat(text(envelope, "MessageId")).isEqualTo(text(envelope, "statusUpdateId"));
        });
    }

    /** Text of the first element with this local name anywhere below {@code node}, or null. */
    private static String text(Node node, String localName) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                String found = localName.equals(element.getLocalName()) ? element.getTextContent()
                        : text(element, localName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
