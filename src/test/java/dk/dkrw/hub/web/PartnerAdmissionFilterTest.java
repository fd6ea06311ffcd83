package dk.dkrw.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.config.HubProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerAdmissionFilterTest {

    private static final int LIMIT = 3;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PartnerAdmissionFilter filter = new PartnerAdmissionFilter(properties(LIMIT),
            new ProblemWriter(new ObjectMapper()), meters);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void refusesTheRequestBeyondTheLimitAtOnceWithRetryAfterAndAdmitsAgainOnceOneEnds() throws Exception {
        List<Future<MockHttpServletResponse>> held = holdRequests(LIMIT, "/api/v1/dossiers");

        MockHttpServletResponse refused = send("POST", "/api/v1/dossiers", (req, res) -> {
            throw new AssertionError("must not reach the hub");
        });

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = new ObjectMapper().readTree(refused.getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo("urn:dkrw-hub:problem:unavailable");
        assertThat(problem.path("detail").asText()).contains("limit of 3");
        assertThat(meters.get("hub.partner.requests.refused").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("hub.partner.requests.in.flight").gauge().value()).isEqualTo(LIMIT);

        release.countDown();
        for (Future<MockHttpServletResponse> request : held) {
            assertThat(request.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(send("POST", "/api/v1/dossiers", (req, res) -> { }).getStatus()).isEqualTo(200);
        assertThat(meters.get("hub.partner.requests.in.flight").gauge().value()).isZero();
    }

    @Test
    void aSoapSenderIsRefusedWithASoapFault() throws Exception {
        holdRequests(LIMIT, "/api/v1/cases");

        MockHttpServletResponse refused = send("POST", "/ws/dossiers", (req, res) -> { });

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentType()).startsWith("application/soap+xml");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void attachmentTransfersAndOperatorPathsAreNotCounted() throws Exception {
        holdRequests(LIMIT, "/api/v1/cases/c1/events");

        assertThat(send("PUT", "/api/v1/attachments/" + "ab".repeat(32), (req, res) -> { }).getStatus())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/cases/c1/attachments/a1", (req, res) -> { }).getStatus()).isEqualTo(200);
        assertThat(send("GET", "/ops/v1/routes", (req, res) -> { }).getStatus()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/cases/c1", (req, res) -> { }).getStatus()).isEqualTo(503);
    }

    @Test
    void aRequestThatFailsGivesItsPlaceBack() throws Exception {
        for (int i = 0; i < LIMIT + 2; i++) {
            assertThatThrownBy(() -> send("POST", "/api/v1/dossiers", (req, res) -> {
                throw new IllegalStateException("failed inside");
            })).isInstanceOf(IllegalStateException.class);
        }

        assertThat(send("POST", "/api/v1/dossiers", (req, res) -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void refusesAConfigurationWithoutRoom() {
        assertThatThrownBy(() -> new PartnerAdmissionFilter(properties(0), new ProblemWriter(new ObjectMapper()),
                meters)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-in-flight");
    }

    /** Starts {@code count} requests that stay inside the hub until {@link #release}; returns once all are in. */
    private List<Future<MockHttpServletResponse>> holdRequests(int count, String uri) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(count);
        List<Future<MockHttpServletResponse>> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(pool.submit(() -> send("POST", uri, (req, res) -> {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
        }
        assertThat(inside.await(10, TimeUnit.SECONDS)).as("all held requests inside").isTrue();
        return held;
    }

    private MockHttpServletResponse send(String method, String uri, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static HubProperties properties(int maxInFlight) {
        return new HubProperties(null, null, new HubProperties.Partner(8443, DataSize.ofMegabytes(10),
                DataSize.ofGigabytes(2), maxInFlight), null, null, null, null, null, null, null, null, null);
    }
}
