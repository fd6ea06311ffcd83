package dk.dkrw.hub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** An operator on the operator port: plain HTTP on loopback, HTTP Basic with the development accounts. */
public final class OpsClient {

    /** The development accounts documented in README. */
    public static final String VIEWER = "viewer:viewer-dev-password";
    public static final String OPERATOR = "operator:operator-dev-password";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String credentials;

    private OpsClient(int port, String credentials) {
        this.base = "http://127.0.0.1:" + port;
        this.credentials = credentials;
    }

    /** A client sending {@code user:password}; null sends no credentials. */
    public static OpsClient as(int port, String credentials) {
        return new OpsClient(port, credentials);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(withJson(request(path), "POST", json));
    }

    public HttpResponse<String> delete(String path, String json) {
        return send(withJson(request(path), "DELETE", json));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder request, String method, String json) {
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("operator request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
