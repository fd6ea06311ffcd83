package dk.dkrw.hub.monitoring;

import dk.dkrw.hub.signature.TestPki;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateHealthTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static X509Certificate certificate(Instant notBefore, Instant notAfter) throws Exception {
        return TestPki.issue("hub-test", TestPki.ecKeys(), TestPki.signingUsage(), notBefore, notAfter).certificate();
    }

    private static Health health(Map<String, X509Certificate> certificates) {
        return new CertificateHealth(new CertificateInventory(certificates, Duration.ofDays(30), CLOCK)).health();
    }

    @Test
    void staysUpWithAWarningForACertificateExpiringInTenDays() throws Exception {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        certificates.put("hub-signing", certificate(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(10))));
        certificates.put("trust-anchor:0123456789abcdef",
                certificate(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(3000))));

        Health health = health(certificates);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((String) health.getDetails().get("warning"))
                .startsWith("hub-signing expires in 10 days").doesNotContain("trust-anchor");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> details =
                (Map<String, Map<String, Object>>) health.getDetails().get("certificates");
        assertThat(details.get("hub-signing")).containsEntry("state", "EXPIRING").containsEntry("daysLeft", 10L);
        assertThat(details.get("trust-anchor:0123456789abcdef")).containsEntry("state", "VALID");
    }

    @Test
    void isUpWithoutWarningWhenEveryCertificateHasMoreThanThirtyDays() throws Exception {
        Health health = health(Map.of("hub-signing",
                certificate(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(31)))));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).doesNotContainKey("warning");
    }

    @Test
    void goesDownOnceACertificateHasExpired() throws Exception {
        Health health = health(Map.of("trust-anchor:0123456789abcdef",
                certificate(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)))));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("warning")).contains("expired on");
    }
}
