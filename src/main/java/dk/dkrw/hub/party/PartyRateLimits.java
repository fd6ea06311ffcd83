package dk.dkrw.hub.party;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.web.ProblemWriter;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One Resilience4j rate limiter per party, sized from the party registry; never waits, refuses instead. */
@Component
public class PartyRateLimits {

    private final ConcurrentMap<String, Limiter> limiters = new ConcurrentHashMap<>();

    /** Takes one permit for the party or throws {@code rate-limited}. */
    public void acquire(Party party) {
        Limiter limiter = limiters.compute(party.id(), (id, existing) ->
                existing != null && existing.limit().equals(party.rateLimit()) ? existing : create(party));
        if (!limiter.rateLimiter().acquirePermission()) {
            throw new RateLimited(party.id());
        }
    }

    private static Limiter create(Party party) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(party.rateLimit().permitsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        return new Limiter(party.rateLimit(), RateLimiter.of("party-" + party.id(), config));
    }

    private record Limiter(Party.RateLimit limit, RateLimiter rateLimiter) {
    }

    /** The coded refusal, with the one-second window as the retry hint. */
    static final class RateLimited extends HubException implements ProblemWriter.RetryAfter {
        RateLimited(String partyId) {
            super(ProblemCode.RATE_LIMITED, "party " + partyId + " is over its request rate");
        }

        @Override
        public long retryAfterSeconds() {
            return 1;
        }
    }
}
