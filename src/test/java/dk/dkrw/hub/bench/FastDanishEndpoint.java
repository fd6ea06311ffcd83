package dk.dkrw.hub.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dk.dkrw.hub.delivery.DanishEndpointServer;
import dk.dkrw.hub.delivery.SoapResponses;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A fast Danish endpoint for the benchmark: mutual TLS like the real one, but it only reads the statusUpdateId
 * and acknowledges (no signature check), so the benchmark measures the hub rather than the stub.
 */
final class FastDanishEndpoint implements ResponseDefinitionTransformerV2 {

    private static final Pattern ID = Pattern.compile("statusUpdateId>([0-9a-f-]{36})<");

    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private WireMockServer server;

    static FastDanishEndpoint launch() {
        FastDanishEndpoint endpoint = new FastDanishEndpoint();
        endpoint.server = DanishEndpointServer.start(0, endpoint);
        endpoint.server.stubFor(post(urlEqualTo(DanishEndpointServer.PATH)).willReturn(aResponse().withStatus(200)));
        return endpoint;
    }

    URI url() {
        return DanishEndpointServer.url(server);
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long lastAckNanos() {
        return lastAckNanos.get();
    }

    void shutdown() {
        server.stop();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Matcher id = ID.matcher(event.getRequest().getBodyAsString());
        if (!id.find()) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(500)
                    .withHeader("Content-Type", SoapResponses.CONTENT_TYPE)
                    .withBody(SoapResponses.fault("Sender", "NO_ID")).build();
        }
        acknowledged.incrementAndGet();
        lastAckNanos.set(System.nanoTime());
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", SoapResponses.CONTENT_TYPE)
                .withBody(SoapResponses.ack(id.group(1), true, false)).build();
    }

    @Override
    public String getName() {
        return "bench-danish-endpoint";
    }
}
