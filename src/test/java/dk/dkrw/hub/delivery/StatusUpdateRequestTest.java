package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.dkrw.hub.problem.ProblemCode;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.namespace.QName;

import static dk.dkrw.hub.delivery.DeliveryFixtures.DK_CASE_NO;
import static dk.dkrw.hub.delivery.StubbedDanishEndpoint.CERTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What goes over the wire: one SOAP 1.2 request, the status update as body, MessageId, a verifiable signature. */
class StatusUpdateRequestTest {

    static final String ID = DeliveryFixtures.eventId(CaseEventType.DECISION);
    static final String XML = DeliveryFixtures.statusUpdate(CaseEventType.DECISION);
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String SU = EventToStatusUpdateMapper.NAMESPACE;
    static final String HUB_SUBJECT = "CN=hub,O=DK-RW Hub DEV,C=DK";

    static StubbedDanishEndpoint danish;
    final WsSecurityVerifier danishVerifier = new WsSecurityVerifier(CERTS.resolve("ca.crt"), HUB_SUBJECT);

    @BeforeAll
    static void start() {
        danish = new StubbedDanishEndpoint();
    }

    @AfterAll
    static void stop() throws Exception {
        danish.close();
    }

    @BeforeEach
    void acknowledge() {
        danish.reset();
        danish.answer(200, SoapResponses.ack(ID, true, false));
    }

    private static String deliverAndCapture() {
        danish.client.deliver(XML, ID);
        assertThat(danish.requests()).hasSize(1);
        return danish.requests().get(0).getBodyAsString();
    }

    @Test
    void sendsOneSoap12RequestWithTheStatusUpdateAsBodyAndItsIdAsMessageIdHeader() {
        Element envelope = WsSecurityVerifier.parse(deliverAndCapture()).getDocumentElement();

        LoggedRequest request = danish.requests().get(0);
        assertThat(request.getUrl()).isEqualTo(DanishEndpointServer.PATH);
        assertThat(request.getHeader("Content-Type")).startsWith("application/soap+xml")
                .contains("action=\"urn:dkrw-hub:dk-status-service:1:DeliverStatusUpdate\"");
        assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP12);
        assertThat(child(child(envelope, SOAP12, "Header"), SU, "MessageId").getTextContent()).isEqualTo(ID);
        Element statusUpdate = child(child(envelope, SOAP12, "Body"), SU, "StatusUpdate");
        assertThat(child(statusUpdate, SU, "statusUpdateId").getTextContent()).isEqualTo(ID);
        assertThat(child(statusUpdate, SU, "dkCaseNo").getTextContent()).isEqualTo(DK_CASE_NO);
        assertThat(child(statusUpdate, SU, "status").getTextContent()).isEqualTo("DECIDED");
    }

    @Test
    void signsBodyTimestampAndMessageIdWithTheHubKeySoTheDanishSideCanVerify() throws Exception {
        String sent = deliverAndCapture();

        WsSecurityVerifier.Verified verified = danishVerifier.verify(sent);

        assertThat(verified.signedElements()).contains(new QName(SOAP12, "Body"),
                new QName(WsSecuritySigning.WSU_NS, "Timestamp"), new QName(SU, "MessageId"));
        assertThat(verified.signer().getSubjectX500Principal().getName()).isEqualTo(HUB_SUBJECT);
        assertThat(sent).contains("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
    }

    @Test
    void signatureFailsOnceOneByteOfTheBodyIsChanged() {
        String sent = deliverAndCapture();
        String tampered = sent.replace("<status>DECIDED</status>", "<status>DECIDEE</status>");
        assertThat(tampered).isNotEqualTo(sent).hasSameSizeAs(sent);

        assertThatThrownBy(() -> danishVerifier.verify(tampered)).isInstanceOf(WSSecurityException.class);
    }

    @Test
    void signatureFailsOnceTheMessageIdHeaderIsChanged() {
        String sent = deliverAndCapture();
        String otherId = DeliveryFixtures.eventId(CaseEventType.WITHDRAWN);
        String tampered = sent.replace(ID + "</dkrw:MessageId>", otherId + "</dkrw:MessageId>");
        assertThat(tampered).isNotEqualTo(sent);

        assertThatThrownBy(() -> danishVerifier.verify(tampered)).isInstanceOf(WSSecurityException.class);
    }

    @Test
    void signatureIsNotTrustedByAReceiverAnchoredInAnotherCa() {
        String sent = deliverAndCapture();

        assertThatThrownBy(() -> new WsSecurityVerifier(CERTS.resolve("untrusted-ca.crt"), HUB_SUBJECT).verify(sent))
                .isInstanceOf(WSSecurityException.class);
    }

    @Test
    void refusesAMessageThatFailsTheSchemaWithoutSendingIt() {
        String invalid = XML.replace("<status>DECIDED</status>", "<status>MAYBE</status>");

        PermanentDeliveryException failure = catchThrowableOfType(PermanentDeliveryException.class,
                () -> danish.client.deliver(invalid, ID));

        assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(danish.requests()).isEmpty();
    }

    @Test
    void refusesAnIdOtherThanTheMessagesWithoutSendingIt() {
        String otherId = DeliveryFixtures.eventId(CaseEventType.WITHDRAWN);

        assertThatThrownBy(() -> danish.client.deliver(XML, otherId)).isInstanceOf(PermanentDeliveryException.class);
        assertThat(danish.requests()).isEmpty();
    }

    private static Element child(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        throw new AssertionError("no element " + name + " in " + parent.getLocalName());
    }
}
