package dk.dkrw.hub.web;

import dk.dkrw.hub.logging.LogContext;
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
 * Gives every request on either port a correlation id (the caller's {@code X-Correlation-Id} when well-formed,
 * else a new one), echoes it in the response, and puts it and the ids in the path ({@code /dossiers/{id}},
 * {@code /cases/{id}}, {@code /events/{id}}) into the logging MDC for every line the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = LogContext.correlate(request.getHeader(LogContext.CORRELATION_HTTP_HEADER));
        response.setHeader(LogContext.CORRELATION_HTTP_HEADER, correlationId);
        pathIds(request.getRequestURI());
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.clear();
        }
    }

    private static void pathIds(String uri) {
        String[] segments = uri.split("/");
        for (int i = 0; i + 1 < segments.length; i++) {
            switch (segments[i]) {
                case "dossiers" -> LogContext.putId(LogContext.DOSSIER_ID, segments[i + 1]);
                case "cases" -> LogContext.putId(LogContext.CASE_ID, segments[i + 1]);
                case "events" -> LogContext.putId(LogContext.EVENT_ID, segments[i + 1]);
                default -> {
                }
            }
        }
    }
}
