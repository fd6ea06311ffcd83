package dk.dkrw.hub.flow;

import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Exactly-once effect of intake under concurrent repeats of the same dossier version. */
class IdempotencyIT extends HubIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiftyConcurrentIdenticalSubmissionsMakeOneCaseOne202AndTheRest200() throws Exception {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String dossierId = Dossiers.dossierId(dossier);
        String signature = DevPki.signer("dk-dis").signBase64(dossier);
        PartnerClient agency = new PartnerClient("dk-dis", port);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return agency.postDossier(dossier, signature);
            }, pool));
        }
        start.countDown();
        List<HttpResponse<byte[]>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
            responses.add(call.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Map<Integer, Long> statuses = responses.stream().collect(
                Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new, Collectors.counting()));
        List<String> unexpected = responses.stream().filter(r -> r.statusCode() != 200 && r.statusCode() != 202)
                .map(r -> r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8)).toList();
        assertThat(statuses).as("answers by status; the unexpected ones: %s", unexpected)
                .containsExactly(Map.entry(200, 49L), Map.entry(202, 1L));
        byte[] original = responses.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow().body();
        assertThat(responses).allSatisfy(r -> assertThat(r.body()).isEqualTo(original));
        String caseId = Dossiers.read(original).path("caseId").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from case_feed where case_id = ?", Long.class, caseId) == 1);
        assertThat(jdbc.queryForObject("select count(*) from case_record where dossier_id = ?", Long.class,
                dossierId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from dossier_version where dossier_id = ?", Long.class,
                dossierId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where dossier_id = ? "
                + "and kind = 'DOSSIER_DUPLICATE'", Long.class, dossierId)).isEqualTo(49);
    }
}
