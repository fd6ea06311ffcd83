package dk.dkrw.hub.flow;

import dk.dkrw.hub.support.CaseEvents;
import dk.dkrw.hub.support.DanishEndpoint;
import dk.dkrw.hub.support.HubProcess;
import dk.dkrw.hub.support.PartnerClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events waiting in retry survive the hub's death: the packaged hub is killed with SIGKILL while Denmark is
 * down and its events are being retried, Denmark comes back, the hub restarts on the same data folder, and
 * every event is delivered, in order, once.
 */
class RestartWithPendingDeliveriesIT {

    @Test
    void eventsWaitingInRetryAreDeliveredAfterARestart() throws Exception {
        DanishEndpoint denmark = DanishEndpoint.launch();
        Path dataDir = Path.of("target", "it-data", "restart-" + UUID.randomUUID());
        String[] settings = {"--hub.denmark.status-endpoint.url=" + denmark.url(),
                "--hub.denmark.retry.initial-delay=200ms", "--hub.denmark.retry.max-delay=1s",
                "--hub.denmark.breaker.wait-in-open=1s"};
        List<String> eventIds = new ArrayList<>();
        String caseId;
        HubProcess first = HubProcess.start(dataDir, "restart-first-run", settings);
        try {
            PartnerClient agency = new PartnerClient("dk-dis", first.partnerPort());
            PartnerClient kigali = new PartnerClient("rw-kigali-office", first.partnerPort());
            caseId = CaseEvents.newCase(agency, kigali);
            denmark.down(true);
            for (byte[] event : CaseEvents.lifecycle(caseId, 3)) {
                assertThat(CaseEvents.post(kigali, caseId, event).statusCode()).isEqualTo(202);
                eventIds.add(CaseEvents.eventId(event));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> denmark.calls() >= 3);
        } finally {
            first.kill();
        }
        assertThat(denmark.accepted()).isEmpty();
        denmark.down(false);

        try (HubProcess second = HubProcess.start(dataDir, "restart-second-run", settings)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> denmark.accepted().size() == 3);
            assertThat(denmark.accepted()).extracting(DanishEndpoint.Received::statusUpdateId)
                    .containsExactlyElementsOf(eventIds);
            assertThat(denmark.accepted()).extracting(DanishEndpoint.Received::caseId).containsOnly(caseId);
            assertThat(denmark.duplicates()).isZero();
        } finally {
            denmark.shutdown();
        }
    }
}
