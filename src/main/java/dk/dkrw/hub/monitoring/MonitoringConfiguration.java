package dk.dkrw.hub.monitoring;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.deadletter.DeadLetterStore;
import dk.dkrw.hub.signature.CertificateExpiry;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.PemFiles;
import dk.dkrw.hub.signature.TrustAnchors;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health indicators and meters of the hub's own making; Spring Boot and Camel contribute the rest (database,
 * disk space, partner TLS bundle, Camel context and routes, per-route exchange meters). See README, "Health,
 * metrics and logs".
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringSettings.class)
public class MonitoringConfiguration {

    @Bean
    CertificateInventory certificateInventory(HubProperties properties, CmsSigner hubSigner, TrustAnchors anchors,
                                              MonitoringSettings settings, Clock clock) {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        certificates.put("hub-signing", hubSigner.certificate());
        for (X509Certificate anchor : anchors.certificates()) {
            certificates.put(CertificateExpiry.trustAnchorName(anchor), anchor);
        }
        HubProperties.StatusEndpoint denmark = properties.denmark().statusEndpoint();
        if (denmark.clientCertificate() != null && Files.isReadable(denmark.clientCertificate())) {
            certificates.putIfAbsent("denmark-client", PemFiles.readCertificate(denmark.clientCertificate()));
        }
        if (denmark.trustAnchors() != null && Files.isReadable(denmark.trustAnchors())) {
            for (X509Certificate anchor : PemFiles.readCertificates(denmark.trustAnchors())) {
                certificates.putIfAbsent("denmark-" + CertificateExpiry.trustAnchorName(anchor), anchor);
            }
        }
        return new CertificateInventory(certificates, settings.certificateWarning(), clock);
    }

    @Bean
    CertificateHealth certificatesHealthIndicator(CertificateInventory inventory) {
        return new CertificateHealth(inventory);
    }

    @Bean
    BrokerHealth brokerHealthIndicator(ObjectProvider<EmbeddedActiveMQ> embedded,
                                       ConnectionFactory connectionFactory) {
        return new BrokerHealth(() -> {
            EmbeddedActiveMQ broker = embedded.getIfAvailable();
            return broker == null ? null : broker.getActiveMQServer();
        }, connectionFactory);
    }

    @Bean
    MeterBinder certificateMeters(CertificateInventory inventory) {
        return registry -> inventory.check().forEach(first -> Gauge.builder("hub.certificate.days.to.expiry",
                        inventory, i -> i.check().stream().filter(c -> c.name().equals(first.name()))
                                .mapToDouble(CertificateExpiry::daysLeft).findFirst().orElse(Double.NaN))
                .tag("certificate", first.name())
                .description("days until the certificate expires (negative once expired)")
                .register(registry));
    }

    @Bean
    MeterBinder deadLetterMeters(DeadLetterStore deadLetters) {
        return registry -> Gauge.builder("hub.dead.letters.open", deadLetters, DeadLetterStore::countOpen)
                .description("dead letters waiting for an operator (state OPEN)")
                .register(registry);
    }

    @Bean
    QueueDepthMeters queueDepthMeters(ObjectProvider<EmbeddedActiveMQ> embedded) {
        return new QueueDepthMeters(embedded::getIfAvailable);
    }

    @Bean
    IntakeMeters intakeMeters(MeterRegistry registry) {
        return new IntakeMeters(registry);
    }
}
