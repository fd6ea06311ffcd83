package dk.dkrw.hub.ops;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The operator port's refusals as problem+json, like every other hub error: no or wrong credentials are 401
 * {@code unauthorized} with a Basic challenge (the same answer for an unknown name and a wrong password), a
 * role that does not allow the call is 403 {@code forbidden}, and a URL the security firewall refuses is 404.
 * Nothing the caller sent (a name, a password) is logged or echoed.
 */
@Component
public class OperatorAuthenticationProblems implements AuthenticationEntryPoint, AccessDeniedHandler,
        RequestRejectedHandler {

    static final String CHALLENGE = "Basic realm=\"dkrw-hub operator\", charset=\"UTF-8\"";

    private final ProblemWriter problems;

    public OperatorAuthenticationProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        problems.write(new HubException(ProblemCode.UNAUTHORIZED, "operator credentials are required"), request,
                response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(new HubException(ProblemCode.FORBIDDEN, "this operator role does not allow the operation"),
                request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.writeNotFound(request, response);
    }
}
