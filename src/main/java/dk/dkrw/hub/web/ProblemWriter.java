package dk.dkrw.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.soap.SoapProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/**
 * Builds RFC 9457 problem documents from coded failures. The detail comes from {@link HubException#detail()},
 * which by construction holds ids and codes only.
 */
@Component
public class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ProblemDetail problem(HubException failure, String instance) {
        ProblemCode code = failure.code();
        ProblemDetail problem = ProblemDetail.forStatus(code.status());
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setDetail(failure.detail());
        problem.setInstance(URI.create(instance));
        if (!failure.violations().isEmpty()) {
            problem.setProperty("errors", failure.violations());
        }
        return problem;
    }

    public void write(HubException failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ProblemDetail problem = problem(failure, request.getRequestURI());
        if (failure.code() == ProblemCode.RATE_LIMITED && failure instanceof RetryAfter retry) {
            response.setHeader("Retry-After", Long.toString(retry.retryAfterSeconds()));
        }
        if (request.getRequestURI().startsWith("/ws/")) {
            // SOAP senders get the same refusal as a SOAP 1.2 fault (transport refusals keep their HTTP status)
            response.setStatus(problem.getStatus());
            response.setContentType("application/soap+xml; charset=UTF-8");
            response.getOutputStream().write(SoapProblems.envelope(failure));
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        mapper.writeValue(response.getOutputStream(), problem);
    }

    public void writeNotFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(new HubException(ProblemCode.NOT_FOUND, "no such resource on this port"), request, response);
    }

    /** A failure that tells the caller when to come back. */
    public interface RetryAfter {
        long retryAfterSeconds();
    }
}
