package dk.dkrw.hub.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A {@link DanishEndpointServer} answering as each test stubs it, and a hub client pointed at it. */
final class StubbedDanishEndpoint implements AutoCloseable {

    static final Path CERTS = DanishEndpointServer.CERTS;

    final WireMockServer server = DanishEndpointServer.start(0);
    final StatusUpdateClient client = client(url(), CERTS.resolve("ca.crt"), Duration.ofSeconds(5));

    URI url() {
        return DanishEndpointServer.url(server);
    }

    /** A hub client as the hub configures it (certs-dev), with the given endpoint, trust and receive timeout. */
    static StatusUpdateClient client(URI url, Path trustAnchors, Duration receiveTimeout) {
        return StatusUpdateClient.create(new StatusEndpointSettings(url, CERTS.resolve("hub.crt"),
                CERTS.resolve("hub.key"), trustAnchors, Duration.ofSeconds(2), receiveTimeout),
                CERTS.resolve("hub.crt"), CERTS.resolve("hub.key"));
    }

    void answer(int status, String body) {
        server.stubFor(post(urlEqualTo(DanishEndpointServer.PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", SoapResponses.CONTENT_TYPE).withBody(body)));
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.stop();
    }
}
