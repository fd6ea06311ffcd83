package dk.dkrw.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Partner paths ({@code /api}, {@code /ws}) answer only on the partner port; operator paths ({@code /ops},
 * {@code /actuator}, the console) only on the operator port. Anything else is 404 on both, before any other
 * filter or route sees it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortSeparationFilter extends OncePerRequestFilter {

    private final OpsConnector opsConnector;
    private final ProblemWriter problems;

    public PortSeparationFilter(OpsConnector opsConnector, ProblemWriter problems) {
        this.opsConnector = opsConnector;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean onOpsPort = request.getLocalPort() == opsConnector.localPort();
        boolean partnerPath = isPartnerPath(request.getRequestURI());
        if (onOpsPort == partnerPath) {
            problems.writeNotFound(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    public static boolean isPartnerPath(String uri) {
        return uri.equals("/api") || uri.startsWith("/api/") || uri.equals("/ws") || uri.startsWith("/ws/");
    }
}
