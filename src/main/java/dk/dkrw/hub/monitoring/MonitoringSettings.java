package dk.dkrw.hub.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code hub.monitoring.*}: a certificate the hub relies on is reported with a warning this long before it
 * expires (health stays UP until the day it does, then goes DOWN).
 */
@ConfigurationProperties(prefix = "hub.monitoring")
public record MonitoringSettings(@DefaultValue("30d") Duration certificateWarning) {
}
