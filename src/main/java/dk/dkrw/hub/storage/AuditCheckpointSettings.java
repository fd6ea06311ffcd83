package dk.dkrw.hub.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code hub.audit.*}: how often the hub signs a checkpoint of its audit chain head (default 5 minutes), and the
 * hub certificates it signed checkpoints with before its signing key was last renewed (their checkpoints must
 * still verify).
 */
@ConfigurationProperties(prefix = "hub.audit")
public record AuditCheckpointSettings(Duration checkpointInterval, List<Path> previousHubCertificates) {

    public AuditCheckpointSettings {
        previousHubCertificates = previousHubCertificates == null ? List.of() : List.copyOf(previousHubCertificates);
        if (checkpointInterval == null) {
            checkpointInterval = Duration.ofMinutes(5);
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("hub.audit.checkpoint-interval must be positive");
        }
    }
}
