package dk.dkrw.hub.intake;

import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubProcess;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.QueueClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transacted queue intake survives SIGKILL: 1,000 dossiers (one in three with a signature over other bytes) are
 * sent to dk.dossiers.inbound over the TLS acceptor of the packaged hub, the process is killed mid-way and
 * restarted on the same data folder; every valid one ends as exactly one case in the Kigali feed, every
 * invalid one as exactly one rejection, and nothing is lost or doubled. So many invalid ones because the kill
 * must catch rejections in flight: their answer and the consumption of the dossier commit together or not at
 * all (a rejection answered twice is how a consumer that committed them apart showed).
 */
class QueueKillNineDurabilityIT {

    private static final int DOSSIERS = 1000;
    private static final int KILL_AFTER_CASES = 150;

    @Test
    void everyQueuedDossierEndsAsExactlyOneCaseOrOneRejectionAfterAKill() throws Exception {
        Path dataDir = Path.of("target", "it-data", "queue-kill-" + UUID.randomUUID());
        Dossiers.Signed batch = Dossiers.freshSigned(DOSSIERS, "edge-single-name.json", DevPki.signer("dk-dis"),
                QueueKillNineDurabilityIT::invalid);
        List<byte[]> dossiers = batch.dossiers();
        List<String> signatures = batch.signatures();

        HubProcess first = HubProcess.start(dataDir, "queue-kill-first-run");
        QueueClient sender = new QueueClient("dk-dis", first.brokerPort());
        List<String> correlationIds = sender.sendAll(dossiers, signatures);
        PartnerClient firstKigali = new PartnerClient("rw-kigali-office", first.partnerPort());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> firstKigali.feedCountsByDossier().size() >= KILL_AFTER_CASES);
        int casesBeforeKill = firstKigali.feedCountsByDossier().size();
        first.kill();
        assertThat(casesBeforeKill).as("the kill came mid-way").isLessThan(DOSSIERS * 2 / 3 * 9 / 10);
        try {
            sender.close();
        } catch (jakarta.jms.JMSException brokerGone) {
            // the broker was just killed; the messages were committed before
        }
        Set<String> valid = new HashSet<>();
        Map<String, String> invalidByCorrelation = new HashMap<>();
        for (int i = 0; i < DOSSIERS; i++) {
            if (invalid(i)) {
                invalidByCorrelation.put(correlationIds.get(i), Dossiers.dossierId(dossiers.get(i)));
            } else {
                valid.add(Dossiers.dossierId(dossiers.get(i)));
            }
        }

        try (HubProcess second = HubProcess.start(dataDir, "queue-kill-second-run");
             QueueClient agency = new QueueClient("dk-dis", second.brokerPort())) {
            PartnerClient kigali = new PartnerClient("rw-kigali-office", second.partnerPort());
            Map<String, List<QueueClient.Answer>> rejections = new HashMap<>();
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                drain(agency, rejections, Duration.ofMillis(200));
                return kigali.feedCountsByDossier().keySet().containsAll(valid)
                        && rejections.keySet().containsAll(invalidByCorrelation.keySet());
            });
            drain(agency, rejections, Duration.ofSeconds(3));

            Map<String, Integer> cases = kigali.feedCountsByDossier();
            assertThat(cases.keySet()).as("cases are exactly the valid dossiers").isEqualTo(valid);
            assertThat(cases.values()).as("one case per dossier").allMatch(c -> c == 1);
            assertThat(rejections.keySet()).as("rejections are exactly the invalid dossiers")
                    .isEqualTo(invalidByCorrelation.keySet());
            assertThat(rejections.values()).as("one rejection per invalid dossier: %s", repeated(rejections))
                    .allMatch(answers -> answers.size() == 1);
        }
    }

    private static boolean invalid(int index) {
        return index % 3 == 2;
    }

    private static void drain(QueueClient agency, Map<String, List<QueueClient.Answer>> rejections, Duration wait)
            throws Exception {
        QueueClient.Answer answer;
        while ((answer = agency.nextRejection(wait)) != null) {
            assertThat(answer.code()).isEqualTo("signature-invalid");
            rejections.computeIfAbsent(answer.correlationId(), c -> new ArrayList<>()).add(answer);
        }
    }

    /** Message id, redelivered flag and send time of every answer to a request that got more than one. */
    private static String repeated(Map<String, List<QueueClient.Answer>> rejections) {
        StringBuilder out = new StringBuilder();
        rejections.forEach((correlation, answers) -> {
            if (answers.size() > 1) {
                out.append(correlation).append(':');
                answers.forEach(answer -> out.append(' ').append(answer.messageId())
                        .append(answer.redelivered() ? " (redelivered)" : "")
                        .append(" at ").append(Instant.ofEpochMilli(answer.timestamp())));
                out.append('\n');
            }
        });
        return out.toString();
    }
}
