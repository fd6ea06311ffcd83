package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dk.dkrw.hub.delivery.DanishEndpointServer.CERTS;
import static org.assertj.core.api.Assertions.assertThat;

class DanishEndpointSimulatorTest {

    private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private static WireMockServer simulator;
    private static StatusUpdateClient client;

    @BeforeAll
    static void start() {
        simulator = DanishEndpointSimulator.start(0, new PrintStream(printed, true, StandardCharsets.UTF_8));
        client = StatusUpdateClient.create(new StatusEndpointSettings(DanishEndpointServer.url(simulator),
                CERTS.resolve("hub.crt"), CERTS.resolve("hub.key"), CERTS.resolve("ca.crt"),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), CERTS.resolve("hub.crt"), CERTS.resolve("hub.key"));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        simulator.stop();
    }

    @Test
    void acknowledgesASignedStatusUpdateThenReportsItsRedeliveryAsDuplicateAndPrintsIdsOnly() {
        String id = DeliveryFixtures.eventId(CaseEventType.ABSCONDED);
        String xml = DeliveryFixtures.statusUpdate(CaseEventType.ABSCONDED);

        DeliveryResult first = client.deliver(xml, id);
        DeliveryResult again = client.deliver(xml, id);

        assertThat(first.outcome()).isEqualTo(DeliveryResult.Outcome.ACCEPTED);
        assertThat(again.outcome()).isEqualTo(DeliveryResult.Outcome.DUPLICATE);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("statusUpdateId=" + id + " eventType=ABSCONDED status=MISSING signature=verified")
                .contains("DUPLICATE")
                .doesNotContain(DeliveryFixtures.DK_CASE_NO).doesNotContain(DeliveryFixtures.UDL_NR);
    }
}
