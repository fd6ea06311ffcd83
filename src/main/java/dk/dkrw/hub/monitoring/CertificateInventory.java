package dk.dkrw.hub.monitoring;

import dk.dkrw.hub.signature.CertificateExpiry;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates the hub relies on besides its partner TLS bundle (which Spring Boot's {@code ssl} health and
 * metrics cover): the hub's signing certificate, the document trust anchors and the Danish endpoint's client
 * certificate and trust anchors, each under a role name.
 */
public final class CertificateInventory {

    private final Map<String, X509Certificate> certificates;
    private final Duration warning;
    private final Clock clock;

    public CertificateInventory(Map<String, X509Certificate> certificates, Duration warning, Clock clock) {
        this.certificates = new LinkedHashMap<>(certificates);
        this.warning = warning;
        this.clock = clock;
    }

    public List<CertificateExpiry> check() {
        return certificates.entrySet().stream()
                .map(entry -> CertificateExpiry.of(entry.getKey(), entry.getValue(), warning, clock))
                .toList();
    }

    public Duration warning() {
        return warning;
    }
}
