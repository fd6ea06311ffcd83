package dk.dkrw.hub.delivery;

import java.time.Duration;

/** Delivery settings the route steps need beyond the policy: how long the breaker stays open. */
public record DeliverySettings(Duration breakerWait) {
}
