package dk.dkrw.hub.monitoring;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jms.connection.SingleConnectionFactory;

import java.util.function.Supplier;

/**
 * {@code broker} in {@code /actuator/health} and the readiness group: the embedded Artemis server is active
 * (when the hub runs one) and a fresh JMS connection can be opened and started. A fresh connection, not the
 * cached one the routes share, so a broker that went away is seen at once.
 */
public class BrokerHealth implements HealthIndicator {

    private final Supplier<ActiveMQServer> embedded;
    private final ConnectionFactory connections;

    /** {@code embedded} supplies null when the broker is external. */
    public BrokerHealth(Supplier<ActiveMQServer> embedded, ConnectionFactory connectionFactory) {
        this.embedded = embedded;
        this.connections = connectionFactory instanceof SingleConnectionFactory cached
                && cached.getTargetConnectionFactory() != null ? cached.getTargetConnectionFactory()
                : connectionFactory;
    }

    @Override
    public Health health() {
        ActiveMQServer server = embedded.get();
        if (server != null && !server.isActive()) {
            return Health.down().withDetail("mode", "embedded").withDetail("server", server.getState().name())
                    .build();
        }
        Health.Builder health;
        try (Connection connection = connections.createConnection()) {
            connection.start();
            health = Health.up().withDetail("provider", connection.getMetaData().getJMSProviderName());
        } catch (Exception e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName());
        }
        return health.withDetail("mode", server != null ? "embedded" : "external").build();
    }
}
