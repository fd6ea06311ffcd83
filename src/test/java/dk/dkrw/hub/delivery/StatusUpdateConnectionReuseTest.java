package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.dkrw.hub.delivery.DanishEndpointServer.CERTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries reuse their TLS connections: a run of calls costs one handshake per concurrent caller, not one per
 * call. The stub answers chunked, as Jetty does for a body without a length, which is the case that used to
 * close the connection after a call whose final chunk the XML parser had left unread.
 */
class StatusUpdateConnectionReuseTest {

    private static final int CALLS = 60;
    private static final int THREADS = 4;
    private static final CaseEventType TYPE = CaseEventType.values()[0];

    private static WireMockServer danish;

    @BeforeAll
    static void start() {
        danish = DanishEndpointServer.start(0);
        danish.stubFor(post(urlEqualTo(DanishEndpointServer.PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SoapResponses.CONTENT_TYPE)
                .withBody(SoapResponses.ack(DeliveryFixtures.eventId(TYPE), true, false))));
    }

    @AfterAll
    static void stop() {
        danish.stop();
    }

    @Test
    void oneCallerUsesOneConnectionForAllItsCalls() throws Exception {
        try (ConnectionCountingRelay relay = new ConnectionCountingRelay(danish.httpsPort());
             StatusUpdateClient client = clientThrough(relay)) {
            for (int i = 0; i < CALLS; i++) {
                assertThat(deliver(client).outcome()).isEqualTo(DeliveryResult.Outcome.ACCEPTED);
            }
            assertThat(relay.connections()).as("TLS connections for %d calls in a row", CALLS).isEqualTo(1);
        }
    }

    @Test
    void concurrentCallersOpenNoMoreConnectionsThanThereAreCallers() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        try (ConnectionCountingRelay relay = new ConnectionCountingRelay(danish.httpsPort());
             StatusUpdateClient client = clientThrough(relay)) {
            List<Future<DeliveryResult>> results = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                results.add(callers.submit(() -> deliver(client)));
            }
            for (Future<DeliveryResult> result : results) {
                assertThat(result.get().outcome()).isEqualTo(DeliveryResult.Outcome.ACCEPTED);
            }
            assertThat(relay.connections()).as("TLS connections for %d calls from %d threads", CALLS, THREADS)
                    .isBetween(1, THREADS);
        } finally {
            callers.shutdownNow();
        }
    }

    private static DeliveryResult deliver(StatusUpdateClient client) {
        return client.deliver(DeliveryFixtures.statusUpdate(TYPE), DeliveryFixtures.eventId(TYPE));
    }

    private static StatusUpdateClient clientThrough(ConnectionCountingRelay relay) {
        URI url = URI.create("https://localhost:" + relay.port() + DanishEndpointServer.PATH);
        return StatusUpdateClient.create(new StatusEndpointSettings(url, CERTS.resolve("hub.crt"),
                CERTS.resolve("hub.key"), CERTS.resolve("ca.crt"), Duration.ofSeconds(2), Duration.ofSeconds(10)),
                CERTS.resolve("hub.crt"), CERTS.resolve("hub.key"));
    }
}
