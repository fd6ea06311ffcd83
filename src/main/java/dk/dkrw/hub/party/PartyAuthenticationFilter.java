package dk.dkrw.hub.party;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.web.PortSeparationFilter;
import dk.dkrw.hub.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.cert.X509Certificate;

/**
 * On the partner port, turns the verified TLS client certificate into a registered {@link Party} and applies
 * the party's rate limit. A request without a registered certificate never reaches a controller or route.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class PartyAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute holding the authenticated {@link Party}. */
    public static final String PARTY = "dk.dkrw.hub.party";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final PartyRegistry registry;
    private final PartyRateLimits rateLimits;
    private final ProblemWriter problems;

    public PartyAuthenticationFilter(PartyRegistry registry, PartyRateLimits rateLimits, ProblemWriter problems) {
        this.registry = registry;
        this.rateLimits = rateLimits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PortSeparationFilter.isPartnerPath(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Party party = authenticate(request);
            rateLimits.acquire(party);
            request.setAttribute(PARTY, party);
        } catch (HubException refused) {
            problems.write(refused, request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private Party authenticate(HttpServletRequest request) {
        Object attribute = request.getAttribute(CERTIFICATES);
        if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
            throw new HubException(ProblemCode.FORBIDDEN, "a client certificate is required");
        }
        return registry.identify(chain[0])
                .orElseThrow(() -> new HubException(ProblemCode.FORBIDDEN, "client certificate is not registered"));
    }
}
