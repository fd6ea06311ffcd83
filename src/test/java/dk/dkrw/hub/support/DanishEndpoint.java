package dk.dkrw.hub.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dk.dkrw.hub.delivery.DanishEndpointServer;
import dk.dkrw.hub.delivery.EventToStatusUpdateMapper;
import dk.dkrw.hub.delivery.SoapResponses;
import dk.dkrw.hub.delivery.StatusUpdateSchema;
import dk.dkrw.hub.delivery.WsSecurityVerifier;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The Danish case-status endpoint as the end-to-end tests see it: WireMock over mutual TLS (the far side is
 * not ours) that checks the hub's WS-Security signature, acknowledges with the statusUpdateId, remembers every
 * update it accepted in arrival order, and misbehaves on request: N failures with a status, random failures,
 * connection resets, slow answers, or a SOAP Sender fault for chosen events.
 */
public final class DanishEndpoint implements ResponseDefinitionTransformerV2 {

    private static final String SU = EventToStatusUpdateMapper.NAMESPACE;

    /** One update Denmark acknowledged as new. */
    public record Received(String statusUpdateId, String caseId, int sequence, String eventType, String status,
                           String dkCaseNo, String udlNr) {
    }

    private final StatusUpdateSchema schema = StatusUpdateSchema.load();
    private final WsSecurityVerifier verifier =
            new WsSecurityVerifier(DevPki.cert("ca"), "CN=hub,O=DK-RW Hub DEV,C=DK");
    private final List<Received> accepted = new ArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger duplicateCount = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile double randomFailureRate;
    private volatile boolean down;
    private volatile int delayMillis;
    private volatile Predicate<String> senderFaultFor = id -> false;
    private WireMockServer server;

    public static DanishEndpoint launch() {
        DanishEndpoint endpoint = new DanishEndpoint();
        endpoint.server = DanishEndpointServer.start(0, endpoint);
        endpoint.server.stubFor(post(urlEqualTo(DanishEndpointServer.PATH)).willReturn(aResponse().withStatus(200)));
        return endpoint;
    }

    public void shutdown() {
        server.stop();
    }

    public URI url() {
        return DanishEndpointServer.url(server);
    }

    /** Back to a healthy endpoint and an empty record. */
    public synchronized void reset() {
        accepted.clear();
        seen.clear();
        calls.set(0);
        duplicateCount.set(0);
        failuresLeft.set(0);
        randomFailureRate = 0;
        down = false;
        delayMillis = 0;
        senderFaultFor = id -> false;
    }

    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    public void failRandomly(double rate) {
        randomFailureRate = rate;
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    public void answerAfter(int millis) {
        delayMillis = millis;
    }

    public void senderFaultFor(Predicate<String> statusUpdateIds) {
        senderFaultFor = statusUpdateIds;
    }

    public int calls() {
        return calls.get();
    }

    public synchronized List<Received> accepted() {
        return List.copyOf(accepted);
    }

    /** Updates that arrived again after Denmark had acknowledged them. */
    public int duplicates() {
        return duplicateCount.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        calls.incrementAndGet();
        if (down) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || ThreadLocalRandom.current().nextDouble() < randomFailureRate) {
            return answer(failureStatus, "<unavailable/>", "text/xml");
        }
        String envelope = event.getRequest().getBodyAsString();
        Element update;
        try {
            verifier.verify(envelope);
            Element root = WsSecurityVerifier.parse(envelope).getDocumentElement();
            update = child(child(root, "http://www.w3.org/2003/05/soap-envelope", "Body"), SU, "StatusUpdate");
        } catch (Exception e) {
            return answer(500, SoapResponses.fault("Sender", "SIGNATURE_INVALID"), SoapResponses.CONTENT_TYPE);
        }
        if (!schema.check(standalone(update)).isEmpty()) {
            return answer(500, SoapResponses.fault("Sender", "SCHEMA_INVALID"), SoapResponses.CONTENT_TYPE);
        }
        String id = text(update, "statusUpdateId");
        if (senderFaultFor.test(id)) {
            return answer(500, SoapResponses.fault("Sender", "CASE_UNKNOWN"), SoapResponses.CONTENT_TYPE);
        }
        boolean duplicate = !seen.add(id);
        if (duplicate) {
            duplicateCount.incrementAndGet();
        } else {
            synchronized (this) {
                accepted.add(new Received(id, text(update, "caseId"), Integer.parseInt(text(update, "sequence")),
                        text(update, "eventType"), text(update, "status"), text(update, "dkCaseNo"),
                        text(update, "udlNr")));
            }
        }
        ResponseDefinitionBuilder ack = ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", SoapResponses.CONTENT_TYPE)
                .withBody(SoapResponses.ack(id, !duplicate, duplicate));
        if (delayMillis > 0) {
            ack.withFixedDelay(delayMillis);
        }
        return ack.build();
    }

    @Override
    public String getName() {
        return "hub-it-danish-endpoint";
    }

    /** The StatusUpdate element as a document of its own, as the XSD describes it. */
    private static org.w3c.dom.Document standalone(Element update) {
        try {
            org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder().newDocument();
            document.appendChild(document.importNode(update, true));
            return document;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinition answer(int status, String body, String contentType) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body).build();
    }

    private static String text(Element parent, String name) {
        return child(parent, SU, name).getTextContent();
    }

    private static Element child(Element parent, String namespace, String name) {
        for (Node node = parent == null ? null : parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        throw new IllegalStateException("no " + name);
    }
}
