package dk.dkrw.hub.web;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Admission on the partner port: at most {@code hub.partner.max-in-flight} partner requests are handled at once
 * (a Resilience4j bulkhead that never waits). One more is refused at once with {@code 503 unavailable} and
 * {@code Retry-After: 1}: under overload a partner hears "come back" within milliseconds instead of waiting in
 * Tomcat's queue until its connection times out (bench/README.md). It runs after the party is recognised, so an
 * unknown client still gets its 403. Attachment transfers are left out: a 2 GiB stream would hold its permit for
 * minutes, and Tomcat's connection limit bounds them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PartnerAdmissionFilter extends OncePerRequestFilter {

    private static final Pattern ATTACHMENT_TRANSFER =
            Pattern.compile("^/api/v1/(attachments/[^/]+|cases/[^/]+/attachments/[^/]+)$");

    private final Bulkhead bulkhead;
    private final ProblemWriter problems;
    private final Counter refused;

    public PartnerAdmissionFilter(HubProperties properties, ProblemWriter problems, MeterRegistry meters) {
        int limit = properties.partner().maxInFlight();
        if (limit < 1) {
            throw new IllegalArgumentException("hub.partner.max-in-flight must be at least 1");
        }
        this.bulkhead = Bulkhead.of("partner-requests", BulkheadConfig.custom()
                .maxConcurrentCalls(limit).maxWaitDuration(Duration.ZERO).build());
        this.problems = problems;
        this.refused = Counter.builder("hub.partner.requests.refused")
                .description("partner requests refused with 503 because max-in-flight were being handled")
                .register(meters);
        Gauge.builder("hub.partner.requests.in.flight", bulkhead,
                        b -> limit - b.getMetrics().getAvailableConcurrentCalls())
                .description("partner requests being handled now (attachment transfers aside)")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !PortSeparationFilter.isPartnerPath(uri) || ATTACHMENT_TRANSFER.matcher(uri).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bulkhead.tryAcquirePermission()) {
            refused.increment();
            problems.write(new AtCapacity(bulkhead.getBulkheadConfig().getMaxConcurrentCalls()), request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bulkhead.onComplete();
        }
    }

    /** The coded refusal, with one second as the retry hint. */
    static final class AtCapacity extends HubException implements ProblemWriter.RetryAfter {
        AtCapacity(int limit) {
            super(ProblemCode.UNAVAILABLE, "the hub is handling its limit of " + limit
                    + " partner requests; retry after the time in Retry-After");
        }

        @Override
        public long retryAfterSeconds() {
            return 1;
        }
    }
}
