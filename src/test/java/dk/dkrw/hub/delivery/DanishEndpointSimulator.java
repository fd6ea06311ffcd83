package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A Danish case-status endpoint for developers: HTTPS with a required client certificate (certs-dev), answers
 * every DeliverStatusUpdate on {@value DanishEndpointServer#PATH} whose WS-Security signature verifies against
 * certs-dev/ca.crt with an ack (duplicate=true for a statusUpdateId it has seen), a signature that does not
 * verify with a SOAP Sender fault, and prints one line per request with the statusUpdateId, event type and status
 * (never the case numbers). Start it from the project root:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dk.dkrw.hub.delivery.DanishEndpointSimulator -Dexec.args=8444
 * </pre>
 *
 * and point {@code hub.denmark.status-endpoint.url} at {@code https://localhost:8444/ws/status}.
 */
public final class DanishEndpointSimulator implements ResponseDefinitionTransformerV2 {

    static final int DEFAULT_PORT = 8444;
    private static final String SU = EventToStatusUpdateMapper.NAMESPACE;

    private final WsSecurityVerifier verifier =
            new WsSecurityVerifier(DanishEndpointServer.CERTS.resolve("ca.crt"), "CN=hub,O=DK-RW Hub DEV,C=DK");
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final PrintStream out;

    DanishEndpointSimulator(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        WireMockServer server = start(port, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Danish endpoint simulator listening on " + DanishEndpointServer.url(server)
                + " (mutual TLS: certs-dev/hub.crt as server, clients must chain to certs-dev/ca.crt); Ctrl-C stops");
        Thread.currentThread().join();
    }

    static WireMockServer start(int port, PrintStream out) {
        WireMockServer server = DanishEndpointServer.start(port, new DanishEndpointSimulator(out));
        server.stubFor(post(urlEqualTo(DanishEndpointServer.PATH)).willReturn(aResponse().withStatus(200)));
        return server;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String envelope = event.getRequest().getBodyAsString();
        Element update;
        try {
            verifier.verify(envelope);
            update = statusUpdate(envelope);
        } catch (WSSecurityException | IllegalStateException e) {
            out.println("REJECTED request without a valid hub signature or StatusUpdate");
            return answer(500, SoapResponses.fault("Sender", "SIGNATURE_INVALID",
                    "No valid hub signature over a StatusUpdate"));
        }
        String id = text(update, "statusUpdateId");
        boolean duplicate = !seen.add(id.toLowerCase());
        out.println("received statusUpdateId=" + id + " eventType=" + text(update, "eventType")
                + " status=" + text(update, "status") + " signature=verified" + (duplicate ? " DUPLICATE" : ""));
        return answer(200, SoapResponses.ack(id, !duplicate, duplicate));
    }

    @Override
    public String getName() {
        return "danish-status-endpoint";
    }

    private static ResponseDefinition answer(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", SoapResponses.CONTENT_TYPE).withBody(body).build();
    }

    private static Element statusUpdate(String envelope) {
        Element root = WsSecurityVerifier.parse(envelope).getDocumentElement();
        Element body = child(root, "http://www.w3.org/2003/05/soap-envelope", "Body");
        return child(body, SU, "StatusUpdate");
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
