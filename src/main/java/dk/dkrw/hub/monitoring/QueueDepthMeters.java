package dk.dkrw.hub.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.util.function.Supplier;

/**
 * {@code hub_queue_depth{queue}}: messages waiting in each queue the embedded broker is configured with (the
 * hub queues and their {@code DLQ.*}). An external broker (prod profile) reports its queues itself.
 */
public class QueueDepthMeters implements MeterBinder {

    private final Supplier<EmbeddedActiveMQ> embedded;

    public QueueDepthMeters(Supplier<EmbeddedActiveMQ> embedded) {
        this.embedded = embedded;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        EmbeddedActiveMQ broker = embedded.get();
        if (broker == null || broker.getConfiguration() == null) {
            return;
        }
        for (QueueConfiguration queue : broker.getConfiguration().getQueueConfigs()) {
            String name = queue.getName().toString();
            Gauge.builder("hub.queue.depth", broker, b -> depth(b.getActiveMQServer(), name))
                    .tag("queue", name)
                    .description("messages waiting in the queue (embedded broker)")
                    .register(registry);
        }
    }

    private static double depth(ActiveMQServer server, String name) {
        if (server == null || !server.isActive()) {
            return Double.NaN;
        }
        Queue queue = server.locateQueue(SimpleString.of(name));
        return queue == null ? Double.NaN : queue.getMessageCount();
    }
}
