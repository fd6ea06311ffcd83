package dk.dkrw.hub.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a delivery again: exponential backoff from {@code initialDelay} by {@code multiplier}, capped at
 * {@code maxDelay}, spread by ± {@code jitter} (a fraction) so that many waiting events do not return at the
 * same instant; and when to stop: after {@code maxAttempts} calls or {@code maxTotalTime} since the first.
 */
public record DeliveryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
                             int maxAttempts, Duration maxTotalTime) {

    public DeliveryPolicy {
        if (multiplier < 1 || jitter < 0 || jitter >= 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("delivery policy out of range");
        }
    }

    /**
     * The wait after the {@code attempts}-th failed call (1 = the first).
     *
     * @param random a number in [0, 1) from the caller's random source
     */
    public Duration delayAfter(int attempts, double random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * (1 + jitter * (2 * random - 1));
        return Duration.ofMillis(Math.max(1, Math.round(spread)));
    }

    /** True when no further attempt may be made. */
    public boolean exhausted(int attempts, Instant firstAttempt, Instant now) {
        return attempts >= maxAttempts
                || (firstAttempt != null && Duration.between(firstAttempt, now).compareTo(maxTotalTime) >= 0);
    }
}
