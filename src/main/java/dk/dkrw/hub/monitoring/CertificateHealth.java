package dk.dkrw.hub.monitoring;

import dk.dkrw.hub.signature.CertificateExpiry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code certificates} in {@code /actuator/health}: DOWN when a certificate the hub relies on has expired (or
 * is not valid yet); UP with a {@code warning} detail naming every certificate inside the warning window.
 * Kept out of the probes: an expiring certificate needs an operator, not a restart or a drained load balancer.
 */
public class CertificateHealth implements HealthIndicator {

    private final CertificateInventory inventory;

    public CertificateHealth(CertificateInventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public Health health() {
        List<CertificateExpiry> checks = inventory.check();
        Map<String, Object> certificates = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        boolean usable = true;
        for (CertificateExpiry check : checks) {
            certificates.put(check.name(), Map.of("notAfter", check.notAfter().toString(),
                    "daysLeft", check.daysLeft(), "state", check.state().name()));
            usable &= check.usable();
            if (check.state() != CertificateExpiry.State.VALID) {
                warnings.add(check.name() + " " + describe(check));
            }
        }
        Health.Builder health = usable ? Health.up() : Health.down();
        health.withDetail("certificates", certificates);
        if (!warnings.isEmpty()) {
            health.withDetail("warning", String.join("; ", warnings));
        }
        return health.build();
    }

    private static String describe(CertificateExpiry check) {
        return switch (check.state()) {
            case EXPIRING -> "expires in " + check.daysLeft() + " days (" + check.notAfter() + ")";
            case EXPIRED -> "expired on " + check.notAfter();
            case NOT_YET_VALID -> "is not valid yet";
            case VALID -> "is valid";
        };
    }
}
