package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.http.Fault;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.dkrw.hub.delivery.DeliveryFixtures.DK_CASE_NO;
import static dk.dkrw.hub.delivery.DeliveryFixtures.UDL_NR;
import static dk.dkrw.hub.delivery.StubbedDanishEndpoint.CERTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How each answer (or silence) of the Danish endpoint comes out of {@link StatusUpdateClient#deliver}. */
class StatusUpdateClientTest {

    static final String ID = DeliveryFixtures.eventId(CaseEventType.DECISION);
    static final String XML = DeliveryFixtures.statusUpdate(CaseEventType.DECISION);

    static StubbedDanishEndpoint danish;

    @BeforeAll
    static void start() {
        danish = new StubbedDanishEndpoint();
    }

    @AfterAll
    static void stop() throws Exception {
        danish.close();
    }

    @BeforeEach
    void reset() {
        danish.reset();
    }

    private static DeliveryResult deliver() {
        return danish.client.deliver(XML, ID);
    }

    @Nested
    class Delivered {

        @Test
        void whenTheAckAcceptsTheUpdate() {
            danish.answer(200, SoapResponses.ack(ID, true, false));

            assertThat(deliver()).isEqualTo(new DeliveryResult(ID, DeliveryResult.Outcome.ACCEPTED));
            assertThat(danish.requests()).hasSize(1);
        }

        @Test
        void whenTheAckSaysDuplicate() {
            danish.answer(200, SoapResponses.ack(ID, false, true));

            DeliveryResult result = deliver();

            assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DUPLICATE);
            assertThat(result.duplicate()).isTrue();
        }
    }

    @Nested
    class Retryable {

        @Test
        void onHttp503() {
            danish.answer(503, "<html>maintenance</html>");

            assertRetryable(StatusUpdateClientTest::deliver, "HTTP 503");
        }

        @Test
        void onHttp500WithoutASoapFault() {
            danish.stub(post(urlEqualTo(DanishEndpointServer.PATH)).willReturn(aResponse().withStatus(500)
                    .withHeader("Content-Type", "text/html").withBody("<html>Hamid Yusuf broke it</html>")));

            assertRetryable(StatusUpdateClientTest::deliver, "HTTP 500");
        }

        @Test
        void onASoapReceiverFault() {
            danish.answer(500, SoapResponses.fault("Receiver", "BACKEND_DOWN"));

            assertRetryable(StatusUpdateClientTest::deliver, "SOAP fault Receiver");
        }

        @Test
        void whenTheConnectionIsRefused() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (StatusUpdateClient refused = StubbedDanishEndpoint.client(
                    URI.create("https://localhost:" + closedPort + DanishEndpointServer.PATH),
                    CERTS.resolve("ca.crt"), Duration.ofSeconds(2))) {

                assertRetryable(() -> refused.deliver(XML, ID), "connection refused");
            }
        }

        @Test
        void whenTheConnectionIsReset() {
            danish.stub(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            assertRetryable(StatusUpdateClientTest::deliver, "no answer");
        }

        @Test
        void whenTheAnswerTakesLongerThanTheReceiveTimeout() throws Exception {
            danish.stub(post(urlEqualTo(DanishEndpointServer.PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", SoapResponses.CONTENT_TYPE)
                    .withBody(SoapResponses.ack(ID, true, false)).withFixedDelay(4000)));
            // the JDK client's timeout covers the whole exchange, connect and TLS handshake included: 300 ms once ran
            // out during a cold JVM's first handshake (another failure path); 1.5 s runs out awaiting the answer
            try (StatusUpdateClient impatient = StubbedDanishEndpoint.client(danish.url(), CERTS.resolve("ca.crt"),
                    Duration.ofMillis(1500))) {

                assertRetryable(() -> impatient.deliver(XML, ID), "timeout");
            }
        }

        @Test
        void whenTheServerNeverAnswersTheTlsHandshake() throws Exception {
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                 StatusUpdateClient impatient = StubbedDanishEndpoint.client(
                         URI.create("https://localhost:" + silent.getLocalPort() + DanishEndpointServer.PATH),
                         CERTS.resolve("ca.crt"), Duration.ofMillis(300))) {

                assertRetryable(() -> impatient.deliver(XML, ID), "no answer");
            }
        }

        @Test
        void whenTheServerCertificateDoesNotChainToTheConfiguredAnchor() throws Exception {
            try (StatusUpdateClient distrustful = StubbedDanishEndpoint.client(danish.url(),
                    CERTS.resolve("untrusted-ca.crt"), Duration.ofSeconds(2))) {

                assertRetryable(() -> distrustful.deliver(XML, ID), "TLS failure");
            }
            assertThat(danish.requests()).isEmpty();
        }
    }

    @Nested
    class Permanent {

        @Test
        void onASoapSenderFaultReportingTheFaultCodesOnly() {
            danish.answer(500, SoapResponses.fault("Sender", "UNKNOWN_CASE"));

            PermanentDeliveryException failure = catchThrowableOfType(PermanentDeliveryException.class,
                    StatusUpdateClientTest::deliver);

            assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(failure.detail()).contains(ID, "SOAP fault Sender", "HTTP 500", "UNKNOWN_CASE");
            assertNoPersonalData(failure);
        }

        @Test
        void onHttp400() {
            danish.answer(400, "bad request");

            PermanentDeliveryException failure = catchThrowableOfType(PermanentDeliveryException.class,
                    StatusUpdateClientTest::deliver);

            assertThat(failure.detail()).contains("HTTP 400");
        }

        @Test
        void onAnAckThatDoesNotAccept() {
            danish.answer(200, SoapResponses.ack(ID, false, false));

            assertThatThrownBy(StatusUpdateClientTest::deliver).isInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("accepted=false");
        }

        @Test
        void onAnAckForAnotherStatusUpdate() {
            danish.answer(200, SoapResponses.ack(DeliveryFixtures.eventId(CaseEventType.WITHDRAWN), true, false));

            assertThatThrownBy(StatusUpdateClientTest::deliver).isInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("another statusUpdateId");
        }

        @Test
        void onAnAnswerLargerThanTheBoundEvenWhenItHoldsAValidAck() {
            danish.answer(200, SoapResponses.ack(ID, true, false) + " ".repeat(WholeAnswerReader.MAX_ANSWER_BYTES));

            PermanentDeliveryException failure = catchThrowableOfType(PermanentDeliveryException.class,
                    StatusUpdateClientTest::deliver);

            assertThat(failure).as("refused, although the XML is a valid ack").isNotNull();
            assertThat(failure.detail()).contains(ID, "larger than");
        }

        @Test
        void onA200ThatIsNoAck() {
            danish.answer(200, SoapResponses.fault("Sender", "X").replace("env:Fault", "su:Nonsense")
                    .replace("<su:Nonsense>", "<su:Nonsense xmlns:su=\"urn:dkrw-hub:dk-status-update:1\">"));

            assertThatThrownBy(StatusUpdateClientTest::deliver).isInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("without a valid StatusUpdateAck");
        }
    }

    private static void assertRetryable(Runnable call, String detailPart) {
        RetryableDeliveryException failure = catchThrowableOfType(RetryableDeliveryException.class, call::run);
        assertThat(failure).as("expected a retryable failure").isNotNull();
        assertThat(failure.code()).isEqualTo(ProblemCode.UNAVAILABLE);
        assertThat(failure.detail()).contains(ID, detailPart);
        assertNoPersonalData(failure);
    }

    /** Neither the detail nor any cause in the chain may quote the case numbers or the Danish side's texts. */
    private static void assertNoPersonalData(HubException failure) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            assertThat(String.valueOf(at.getMessage())).doesNotContain(DK_CASE_NO, UDL_NR, "Hamid", "Yusuf");
        }
    }
}
