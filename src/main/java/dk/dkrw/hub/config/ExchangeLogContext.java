package dk.dkrw.hub.config;

import dk.dkrw.hub.logging.LogContext;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hub's ids in the MDC on every log line of a Camel exchange (Camel's own MDC logging adds the route and
 * exchange ids). A route fed by a queue or a timer starts its exchange with a clean context: the correlation id
 * from the message's {@code hubCorrelationId} property (or a new one) and the ids of the message's claim. A
 * {@code direct:} route runs on its caller's thread and keeps the caller's context (the HTTP request's). After
 * every step the body is looked at again, so ids learnt on the way (a parsed dossier) are logged from then on.
 *
 * <p>At DEBUG, {@code dk.dkrw.hub.config.ExchangeLogContext} logs one line per finished exchange.
 */
@Component
public class ExchangeLogContext implements RoutePolicyFactory, InterceptStrategy {

    private static final Logger log = LoggerFactory.getLogger(ExchangeLogContext.class);

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new Policy();
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                return super.process(exchange, doneSync -> {
                    ExchangeIds.toLogContext(exchange.getMessage().getBody());
                    callback.done(doneSync);
                });
            }
        };
    }

    private static boolean callerThread(Route route) {
        return route.getEndpoint().getEndpointUri().startsWith("direct:");
    }

    private static final class Policy extends RoutePolicySupport {

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            if (!callerThread(route)) {
                LogContext.clear();
                exchange.getMessage().setHeader(LogContext.CORRELATION_MESSAGE_HEADER, LogContext.correlate(
                        exchange.getMessage().getHeader(LogContext.CORRELATION_MESSAGE_HEADER, String.class)));
            } else if (LogContext.correlationId() == null) {
                LogContext.correlate(null);
            }
            ExchangeIds.toLogContext(exchange.getMessage().getBody());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            if (log.isDebugEnabled()) {
                log.debug("exchange of route {} {}", route.getRouteId(),
                        exchange.isFailed() ? "failed" : "completed");
            }
            if (!callerThread(route)) {
                LogContext.clear();
            }
        }
    }
}
