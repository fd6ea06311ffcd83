package dk.dkrw.hub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A partner system on the partner port: real HTTPS with its own client certificate from certs-dev. */
public final class PartnerClient {

    private final HttpClient http;
    private final String base;

    public PartnerClient(String certificateName, int port) {
        this(HttpClient.newBuilder().sslContext(DevPki.clientTls(certificateName))
                .connectTimeout(Duration.ofSeconds(10)).build(), port);
    }

    /** A client with its own TLS context (e.g. a certificate issued by the test). */
    public PartnerClient(javax.net.ssl.SSLContext tls, int port) {
        this(HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build(), port);
    }

    PartnerClient(HttpClient http, int port) {
        this.http = http;
        this.base = "https://localhost:" + port;
    }

    public HttpResponse<byte[]> postDossier(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Dossier-Signature", signature);
        }
        return send(request.build());
    }

    public HttpResponse<byte[]> putAttachment(String sha256, byte[] bytes) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/attachments/" + sha256))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    /** As Kigali: pages through the whole feed and counts the cases offered per dossierId. */
    public Map<String, Integer> feedCountsByDossier() {
        Map<String, Integer> counts = new HashMap<>();
        FeedPages.walk(path -> Dossiers.read(get(path).body()), "",
                item -> counts.merge(item.path("dossierId").asText(), 1, Integer::sum));
        return counts;
    }
}
