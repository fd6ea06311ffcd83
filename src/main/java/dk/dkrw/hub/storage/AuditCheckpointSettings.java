package dk.dkrw.hub.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code hub.audit.*}: how often the hub signs a checkpoint of its audit chain head (default 5 minutes). */
@ConfigurationProperties(prefix = "hub.audit")
public record AuditCheckpointSettings(Duration checkpointInterval) {

    public AuditCheckpointSettings {
        if (checkpointInterval == null) {
            checkpointInterval = Duration.ofMinutes(5);
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("hub.audit.checkpoint-interval must be positive");
        }
    }
}
