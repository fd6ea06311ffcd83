package dk.dkrw.hub.delivery;

import dk.dkrw.hub.config.HubProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delivery to Denmark, built from {@code hub.denmark.*}: the signed SOAP client, the retry policy, and the
 * circuit breaker the {@code event-delivery} route runs the call in. Only retryable failures (no answer,
 * timeouts, 5xx, receiver faults) count against the breaker; a refusal by Denmark says nothing about its health.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean(destroyMethod = "close")
    StatusUpdateClient statusUpdateClient(HubProperties properties) {
        HubProperties.StatusEndpoint endpoint = properties.denmark().statusEndpoint();
        return StatusUpdateClient.create(new StatusEndpointSettings(endpoint.url(), endpoint.clientCertificate(),
                        endpoint.clientKey(), endpoint.trustAnchors(), endpoint.connectTimeout(),
                        endpoint.receiveTimeout()),
                endpoint.signingCertificate(), endpoint.signingKey());
    }

    @Bean
    EventToStatusUpdateMapper eventToStatusUpdateMapper() {
        return new EventToStatusUpdateMapper();
    }

    @Bean
    DeliveryPolicy deliveryPolicy(HubProperties properties) {
        HubProperties.Retry retry = properties.denmark().retry();
        return new DeliveryPolicy(retry.initialDelay(), retry.multiplier(), retry.maxDelay(), retry.jitter(),
                retry.maxAttempts(), retry.maxTotalTime());
    }

    @Bean
    DeliverySettings deliverySettings(HubProperties properties) {
        return new DeliverySettings(properties.denmark().breaker().waitInOpen());
    }

    @Bean
    CircuitBreaker danishEndpointBreaker(HubProperties properties) {
        HubProperties.Breaker breaker = properties.denmark().breaker();
        return CircuitBreaker.of("danish-status-endpoint", CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .slidingWindowSize(breaker.slidingWindow())
                .waitDurationInOpenState(breaker.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(RetryableDeliveryException.class)
                .build());
    }

    @Bean
    DanishEndpointMeters danishEndpointMeters(CircuitBreaker danishEndpointBreaker) {
        return new DanishEndpointMeters(danishEndpointBreaker);
    }

    @Bean
    DanishEndpointHealth danishEndpointHealthIndicator(CircuitBreaker danishEndpointBreaker,
                                                       HubProperties properties) {
        return new DanishEndpointHealth(danishEndpointBreaker,
                properties.denmark().statusEndpoint().url().getHost());
    }
}
