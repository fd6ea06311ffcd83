package dk.dkrw.hub.flow;

import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubProcess;
import dk.dkrw.hub.support.PartnerClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledge only what is durable: 500 dossiers pushed concurrently at the packaged hub, the process killed
 * with SIGKILL mid-way and restarted on the same data folder; every dossier that got a 202 reaches the Kigali
 * feed exactly once.
 */
class KillNineDurabilityIT {

    private static final int DOSSIERS = 500;
    private static final int KILL_AFTER_ACCEPTED = 150;

    @Test
    void everyAcceptedDossierIsInTheFeedExactlyOnceAfterAKill() throws Exception {
        Path dataDir = Path.of("target", "it-data", "kill-" + UUID.randomUUID());
        Dossiers.Signed batch = Dossiers.freshSigned(DOSSIERS, "edge-single-name.json", DevPki.signer("dk-dis"),
                i -> false);
        List<byte[]> dossiers = batch.dossiers();
        List<String> signatures = batch.signatures();

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        HubProcess first = HubProcess.start(dataDir, "kill-nine-first-run");
        PartnerClient agency = new PartnerClient("dk-dis", first.partnerPort());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < DOSSIERS; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    HttpResponse<byte[]> response = agency.postDossier(dossiers.get(n), signatures.get(n));
                    if (response.statusCode() == 202) {
                        accepted.add(Dossiers.dossierId(dossiers.get(n)));
                    }
                } catch (RuntimeException connectionLost) {
                    failed.incrementAndGet();
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= KILL_AFTER_ACCEPTED);
        first.kill();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(accepted.size()).as("the kill came mid-way").isLessThan(DOSSIERS);

        try (HubProcess second = HubProcess.start(dataDir, "kill-nine-second-run")) {
            PartnerClient kigali = new PartnerClient("rw-kigali-office", second.partnerPort());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> kigali.feedCountsByDossier().keySet().containsAll(accepted));
            Map<String, Integer> counts = kigali.feedCountsByDossier();
            for (String dossierId : accepted) {
                assertThat(counts.get(dossierId)).as("feed entries of an accepted dossier").isEqualTo(1);
            }
            assertThat(counts.values()).allMatch(c -> c == 1);
        }
    }
}
