package dk.dkrw.hub.delivery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the hub reaches the Danish case-status endpoint: an {@code https} URL, the hub's TLS client
 * certificate and key (PEM), the CA certificates that anchor the endpoint's server certificate (PEM, one or
 * more), and the connect and receive timeouts.
 */
public record StatusEndpointSettings(URI url, Path clientCertificate, Path clientKey, Path trustAnchors,
                                     Duration connectTimeout, Duration receiveTimeout) {

    public StatusEndpointSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(receiveTimeout, "receiveTimeout");
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the Danish status endpoint must be an https URL");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || receiveTimeout.isNegative() || receiveTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive (zero would mean wait forever)");
        }
    }
}
