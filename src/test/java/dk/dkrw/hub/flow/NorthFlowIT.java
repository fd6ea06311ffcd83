package dk.dkrw.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.TrustAnchors;
import dk.dkrw.hub.support.CaseEvents;
import dk.dkrw.hub.support.DanishEndpoint;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.web.OpsConnector;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The north flow end to end: signed case events from Kigali in, signed SOAP status updates out to the Danish
 * endpoint (WireMock), through failures, an open circuit and concurrency, in order per case, exactly once.
 */
class NorthFlowIT extends HubIT {

    private static final CmsVerifier CA_VERIFIER = new CmsVerifier(
            TrustAnchors.load(List.of(DevPki.cert("ca")), List.of()), Duration.ofMinutes(5), Clock.systemUTC());

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CircuitBreaker danishEndpointBreaker;

    @Autowired
    OpsConnector ops;

    PartnerClient agency;
    PartnerClient kigali;

    @BeforeEach
    void clients() {
        agency = new PartnerClient("dk-dis", port);
        kigali = new PartnerClient("rw-kigali-office", port);
        DENMARK.reset();
        danishEndpointBreaker.reset();
    }

    @AfterEach
    void healthyDenmark() {
        DENMARK.reset();
    }

    @Test
    void eventTravelsFromKigaliToDenmarkSignedWithTheCaseNumbersRestored() {
        String caseId = CaseEvents.newCase(agency, kigali);
        byte[] event = CaseEvents.event("01-received.json", caseId, 1);
        HttpResponse<byte[]> accepted = CaseEvents.post(kigali, caseId, event);

        assertThat(accepted.statusCode()).as(new String(accepted.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        CA_VERIFIER.verify(accepted.body(), accepted.headers().firstValue("X-Receipt-Signature").orElseThrow());
        JsonNode receipt = Dossiers.read(accepted.body());
        assertThat(receipt.path("eventId").asText()).isEqualTo(CaseEvents.eventId(event));
        assertThat(receipt.path("sequence").asInt()).isEqualTo(1);

        DanishEndpoint.Received received = await().atMost(Duration.ofSeconds(20))
                .until(() -> receivedFor(CaseEvents.eventId(event)), r -> r != null);
        assertThat(received.caseId()).isEqualTo(caseId);
        assertThat(received.eventType()).isEqualTo("RECEIVED");
        assertThat(received.status()).isEqualTo("IN_PROCESSING_RW");
        JsonNode dossier = Dossiers.read(dk.dkrw.hub.support.Samples.validDossier("edge-single-name.json"));
        assertThat(received.dkCaseNo()).isEqualTo(dossier.path("dkCaseNo").asText());
        assertThat(received.udlNr()).isEqualTo(dossier.path("udlNr").asText());
        assertThat(DENMARK.calls()).isEqualTo(1);
        assertThat(deliveryState(CaseEvents.eventId(event))).isEqualTo("DELIVERED");

        HttpResponse<byte[]> again = CaseEvents.post(kigali, caseId, event);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(accepted.body());
        byte[] altered = new String(event, StandardCharsets.UTF_8).replace("Gashora", "Nyamata")
                .getBytes(StandardCharsets.UTF_8);
        DossierIntakeErrorsIT.assertProblem(CaseEvents.post(kigali, caseId, altered), 409, "conflict");
        assertThat(DENMARK.calls()).isEqualTo(1);
    }

    @Test
    void threeUnavailableAnswersThenSuccessDeliversExactlyOnce() {
        String caseId = CaseEvents.newCase(agency, kigali);
        DENMARK.failNext(3, 503);
        byte[] event = CaseEvents.event("01-received.json", caseId, 1);
        assertThat(CaseEvents.post(kigali, caseId, event).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(CaseEvents.eventId(event)) != null);
        assertThat(DENMARK.calls()).isEqualTo(4);
        assertThat(DENMARK.accepted()).hasSize(1);
        assertThat(DENMARK.duplicates()).isZero();
        assertThat(auditCount("EVENT_DELIVERY_RETRY", CaseEvents.eventId(event))).isEqualTo(3);
    }

    @Test
    void connectionResetsAndSlowAnswersAreRetried() {
        String caseId = CaseEvents.newCase(agency, kigali);
        DENMARK.down(true);
        byte[] first = CaseEvents.event("01-received.json", caseId, 1);
        assertThat(CaseEvents.post(kigali, caseId, first).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> DENMARK.calls() >= 2);
        DENMARK.down(false);
        DENMARK.answerAfter(7_000);
        int callsWhileSlow = DENMARK.calls();
        await().atMost(Duration.ofSeconds(25)).until(() -> DENMARK.calls() >= callsWhileSlow + 1);
        DENMARK.answerAfter(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(deliveryState(CaseEvents.eventId(first))));
        assertThat(auditCount("EVENT_DELIVERY_RETRY", CaseEvents.eventId(first))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSoapSenderFaultIsDeadLetteredWithoutRetry() {
        String caseId = CaseEvents.newCase(agency, kigali);
        byte[] event = CaseEvents.event("01-received.json", caseId, 1);
        String eventId = CaseEvents.eventId(event);
        DENMARK.senderFaultFor(eventId::equals);
        assertThat(CaseEvents.post(kigali, caseId, event).statusCode()).isEqualTo(202);

        Map<String, Object> deadLetter = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select * from dead_letter where event_id = ?", eventId), rows -> rows.size() == 1).get(0);
        assertThat(value(deadLetter, "route")).isEqualTo("event-delivery");
        assertThat(value(deadLetter, "queue")).isEqualTo("hub.event.accepted");
        assertThat(((Number) value(deadLetter, "attempts")).intValue()).isEqualTo(1);
        assertThat(DENMARK.calls()).isEqualTo(1);
        assertThat(deliveryState(eventId)).isEqualTo("DEAD");
        assertThat(auditCount("DEAD_LETTERED", eventId)).isEqualTo(1);

        byte[] next = CaseEvents.event("02-registered.json", caseId, 2);
        assertThat(CaseEvents.post(kigali, caseId, next).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(deliveryState(CaseEvents.eventId(next))));
        assertThat(DENMARK.calls()).as("the successor never overtakes its dead predecessor").isEqualTo(1);
    }

    @Test
    void theCircuitOpensWhileDenmarkIsDownAndEverythingIsDeliveredOnceWhenItReturns() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(CaseEvents.newCase(agency, kigali));
        }
        DENMARK.down(true);
        List<String> eventIds = new ArrayList<>();
        for (String caseId : cases) {
            for (byte[] event : CaseEvents.lifecycle(caseId, 3)) {
                assertThat(CaseEvents.post(kigali, caseId, event).statusCode()).isEqualTo(202);
                eventIds.add(CaseEvents.eventId(event));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> danishEndpointBreaker.getState() == CircuitBreaker.State.OPEN);
        JsonNode health = health();
        assertThat(health.path("components").path("danishEndpoint").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("components").path("danishEndpoint").path("details").path("circuit").asText())
                .isEqualTo("OPEN");
        int callsWhileOpen = DENMARK.calls();

        DENMARK.down(false);
        await().atMost(Duration.ofSeconds(60)).until(() -> DENMARK.accepted().size() == eventIds.size());
        assertThat(DENMARK.accepted()).extracting(DanishEndpoint.Received::statusUpdateId)
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(DENMARK.duplicates()).isZero();
        assertThat(callsWhileOpen).as("the open circuit stopped the calls").isLessThan(eventIds.size() * 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(
                health().path("components").path("danishEndpoint").path("status").asText()));
    }

    @Test
    void twentyCasesOfTenEventsUnderRandomFailuresArriveInOrderOnceEach() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add(CaseEvents.newCase(agency, kigali));
        }
        DENMARK.failRandomly(0.3);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (String caseId : cases) {
            senders.add(CompletableFuture.runAsync(() -> {
                for (byte[] event : CaseEvents.lifecycle(caseId, 10)) {
                    HttpResponse<byte[]> response = CaseEvents.post(kigali, caseId, event);
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("event refused: " + response.statusCode());
                    }
                }
            }, pool));
        }
        for (CompletableFuture<Void> sender : senders) {
            sender.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(120)).until(() -> DENMARK.accepted().size() == 200);
        DENMARK.failRandomly(0);

        Map<String, List<Integer>> orderPerCase = DENMARK.accepted().stream().collect(Collectors.groupingBy(
                DanishEndpoint.Received::caseId, Collectors.mapping(DanishEndpoint.Received::sequence,
                        Collectors.toList())));
        assertThat(orderPerCase.keySet()).containsExactlyInAnyOrderElementsOf(cases);
        for (List<Integer> order : orderPerCase.values()) {
            assertThat(order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
        assertThat(DENMARK.duplicates()).isZero();
    }

    @Nested
    class DeadLetterRepair {

        @Test
        void refusedEventsAreReplayedInOrderOnceDenmarkIsFixedAndDiscardNeedsAReason() {
            String caseId = CaseEvents.newCase(agency, kigali);
            List<byte[]> events = CaseEvents.lifecycle(caseId, 2);
            String firstId = CaseEvents.eventId(events.get(0));
            DENMARK.senderFaultFor(firstId::equals);
            for (byte[] event : events) {
                assertThat(CaseEvents.post(kigali, caseId, event).statusCode()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from dead_letter where case_id = ? and state = 'OPEN'", Long.class, caseId) == 2);
            DENMARK.senderFaultFor(id -> false);

            dk.dkrw.hub.support.OpsClient viewer = dk.dkrw.hub.support.OpsClient.as(ops.localPort(),
                    OpsClient.VIEWER);
            dk.dkrw.hub.support.OpsClient operator = dk.dkrw.hub.support.OpsClient.as(ops.localPort(),
                    dk.dkrw.hub.support.OpsClient.OPERATOR);
            assertThat(viewer.post("/ops/v1/dead-letters/replay", "{\"caseId\":\"" + caseId + "\"}").statusCode())
                    .isEqualTo(403);
            HttpResponse<String> replayed = operator.post("/ops/v1/dead-letters/replay",
                    "{\"caseId\":\"" + caseId + "\",\"reason\":\"Denmark registered the case\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> DENMARK.accepted().size() == 2);
            assertThat(DENMARK.accepted()).extracting(DanishEndpoint.Received::sequence).containsExactly(1, 2);
            assertThat(DENMARK.duplicates()).isZero();
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DEAD_LETTER_REPLAYED' "
                    + "and case_id = ? and party_id = 'operator:operator'", Long.class, caseId)).isEqualTo(2);

            String otherCase = CaseEvents.newCase(agency, kigali);
            byte[] doomed = CaseEvents.event("01-received.json", otherCase, 1);
            DENMARK.senderFaultFor(CaseEvents.eventId(doomed)::equals);
            assertThat(CaseEvents.post(kigali, otherCase, doomed).statusCode()).isEqualTo(202);
            Long deadLetterId = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                    "select id from dead_letter where case_id = ?", Long.class, otherCase), ids -> ids.size() == 1)
                    .get(0);
            assertThat(operator.delete("/ops/v1/dead-letters/" + deadLetterId, "{}").statusCode()).isEqualTo(422);
            assertThat(operator.delete("/ops/v1/dead-letters/" + deadLetterId, "{\"reason\":\"  \"}").statusCode())
                    .isEqualTo(422);
            assertThat(operator.delete("/ops/v1/dead-letters/" + deadLetterId,
                    "{\"reason\":\"case withdrawn on the Danish side\"}").statusCode()).isEqualTo(200);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DEAD_LETTER_DISCARDED' "
                    + "and case_id = ? and party_id = 'operator:operator'", Long.class, otherCase)).isEqualTo(1);
            assertThat(receivedFor(CaseEvents.eventId(doomed))).isNull();
        }
    }

    @Nested
    class Refusals {

        @Test
        void refusesEventsFromAnAgencyCertificate() {
            String caseId = CaseEvents.newCase(agency, kigali);
            byte[] event = CaseEvents.event("01-received.json", caseId, 1);
            DossierIntakeErrorsIT.assertProblem(CaseEvents.post(agency, caseId, event,
                    DevPki.signer("dk-dis").signBase64(event)), 403, "forbidden");
            assertNothingStoredOrDelivered(event);
        }

        @Test
        void refusesAnEventForAnUnknownCase() {
            String caseId = java.util.UUID.randomUUID().toString();
            byte[] event = CaseEvents.event("01-received.json", caseId, 1);
            DossierIntakeErrorsIT.assertProblem(CaseEvents.post(kigali, caseId, event), 404, "not-found");
            assertNothingStoredOrDelivered(event);
        }

        @Test
        void refusesAForbiddenTransitionNamingTheState() {
            String caseId = CaseEvents.newCase(agency, kigali);
            byte[] decision = CaseEvents.event("06-decision-refused.json", caseId, 1);
            JsonNode problem = DossierIntakeErrorsIT.assertProblem(CaseEvents.post(kigali, caseId, decision), 422,
                    "transition-refused");
            assertThat(problem.path("detail").asText()).contains("FORWARDED");
            assertNothingStoredOrDelivered(decision);
        }

        @Test
        void refusesASequenceGapNamingTheExpectedSequence() {
            String caseId = CaseEvents.newCase(agency, kigali);
            byte[] event = CaseEvents.event("01-received.json", caseId, 2);
            JsonNode problem = DossierIntakeErrorsIT.assertProblem(CaseEvents.post(kigali, caseId, event), 409,
                    "sequence-gap");
            assertThat(problem.path("detail").asText()).contains("expects sequence 1");
            assertNothingStoredOrDelivered(event);
        }

        @Test
        void refusesABadSignature() {
            String caseId = CaseEvents.newCase(agency, kigali);
            byte[] event = CaseEvents.event("01-received.json", caseId, 1);
            String otherBytes = DevPki.signer("rw-kigali-office").signBase64("other".getBytes());
            DossierIntakeErrorsIT.assertProblem(CaseEvents.post(kigali, caseId, event, otherBytes), 422,
                    "signature-invalid");
            DossierIntakeErrorsIT.assertProblem(CaseEvents.post(kigali, caseId, event, null), 401,
                    "signature-missing");
            assertNothingStoredOrDelivered(event);
        }

        @Test
        void refusesAnEventWhoseCaseIdIsNotThePath() {
            String caseId = CaseEvents.newCase(agency, kigali);
            byte[] event = CaseEvents.event("01-received.json", java.util.UUID.randomUUID().toString(), 1);
            JsonNode problem = DossierIntakeErrorsIT.assertProblem(CaseEvents.post(kigali, caseId, event), 422,
                    "validation-failed");
            assertThat(problem.path("errors").findValuesAsText("pointer")).contains("/caseId");
        }

        private void assertNothingStoredOrDelivered(byte[] event) {
            String eventId = CaseEvents.eventId(event);
            assertThat(jdbc.queryForObject("select count(*) from case_event where event_id = ?", Long.class,
                    eventId)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'EVENT_REJECTED' "
                    + "and subject_sha256 = ?", Long.class, dk.dkrw.hub.support.Samples.sha256(event))).isPositive();
            assertThat(receivedFor(eventId)).isNull();
        }
    }

    private DanishEndpoint.Received receivedFor(String eventId) {
        return DENMARK.accepted().stream().filter(r -> r.statusUpdateId().equals(eventId)).findFirst().orElse(null);
    }

    private String deliveryState(String eventId) {
        return jdbc.queryForObject("select delivery_state from case_event where event_id = ?", String.class, eventId);
    }

    private long auditCount(String kind, String eventId) {
        return jdbc.queryForObject("select count(*) from audit_entry where kind = ? and event_id = ?", Long.class,
                kind, eventId);
    }

    private JsonNode health() throws Exception {
        // components and details are shown to a logged-in operator only
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ops.localPort() + "/actuator/health"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                OpsClient.VIEWER.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return Dossiers.read(response.body());
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }
}
