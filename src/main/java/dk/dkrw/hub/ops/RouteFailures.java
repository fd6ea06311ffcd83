package dk.dkrw.hub.ops;

import dk.dkrw.hub.deadletter.FailureCause;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each route's latest failed exchange (when, and its cause code) for {@code GET /ops/v1/routes}. Only
 * the code is kept: a failure's text may only ever reach operators through the dead-letter store.
 */
public class RouteFailures extends EventNotifierSupport {

    /** The latest failure of one route. */
    public record LastFailure(Instant at, String code) {
    }

    private final Map<String, LastFailure> latest = new ConcurrentHashMap<>();
    private final Clock clock;

    public RouteFailures(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
        String route = exchange.getFromRouteId();
        if (route != null) {
            latest.put(route, new LastFailure(clock.instant(), FailureCause.of(exchange.getException()).code()));
        }
    }

    public Optional<LastFailure> of(String routeId) {
        return Optional.ofNullable(latest.get(routeId));
    }
}
