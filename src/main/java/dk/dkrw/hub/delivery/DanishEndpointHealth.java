package dk.dkrw.hub.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code danishEndpoint} in {@code /actuator/health}: the circuit breaker in front of the Danish status
 * endpoint. OPEN (the endpoint failed too often; calls are held back until a probe succeeds) is DOWN; the
 * component is kept out of the readiness group, because intake goes on while Denmark is away.
 */
public class DanishEndpointHealth implements HealthIndicator {

    private final CircuitBreaker breaker;
    private final String host;

    public DanishEndpointHealth(CircuitBreaker breaker, String host) {
        this.breaker = breaker;
        this.host = host;
    }

    @Override
    public Health health() {
        CircuitBreaker.State state = breaker.getState();
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Health.Builder health = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                ? Health.down() : Health.up();
        return health.withDetail("circuit", state.name())
                .withDetail("host", host)
                .withDetail("failureRate", metrics.getFailureRate())
                .withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                .withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
                .build();
    }
}
