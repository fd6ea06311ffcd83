package dk.dkrw.hub.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Delivery to Denmark in numbers: {@code hub_breaker_state{breaker,state}} (1 for the breaker's current state,
 * 0 for the others), {@code hub_breaker_failure_rate{breaker}} and {@code hub_delivery_retries_total{cause}}
 * (each retry scheduled after a failed call, by cause code).
 */
public class DanishEndpointMeters implements MeterBinder {

    private final CircuitBreaker breaker;
    private MeterRegistry registry;

    public DanishEndpointMeters(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("hub.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .tag("breaker", breaker.getName()).tag("state", state.name().toLowerCase())
                    .description("1 for the circuit breaker's current state")
                    .register(meters);
        }
        Gauge.builder("hub.breaker.failure.rate", breaker, b -> b.getMetrics().getFailureRate())
                .tag("breaker", breaker.getName())
                .description("failure rate in percent over the sliding window (-1 until enough calls)")
                .register(meters);
    }

    /** A failed call to Denmark will be tried again. */
    void retryScheduled(String causeCode) {
        if (registry != null) {
            Counter.builder("hub.delivery.retries").tag("cause", causeCode)
                    .description("delivery attempts to Denmark that failed and were scheduled again")
                    .register(registry).increment();
        }
    }
}
