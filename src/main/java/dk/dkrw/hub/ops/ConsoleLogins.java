package dk.dkrw.hub.ops;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.storage.GroupCommitter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;

/**
 * Console sign-ins, recorded in the audit chain before the browser is let in: {@code OPERATOR_LOGIN} with the
 * operator's name, or {@code OPERATOR_LOGIN_FAILED} without the name typed (it could be anything, even a
 * person's name). API clients using HTTP Basic authenticate on every call; their operations carry their name.
 */
@Component
public class ConsoleLogins implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String LOGIN_PAGE = "/login.html";

    private final GroupCommitter committer;
    private final Clock clock;

    public ConsoleLogins(GroupCommitter committer, Clock clock) {
        this.committer = committer;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        String operator = "operator:" + authentication.getName();
        committer.commit(tx -> {
            tx.audit(AuditRecord.of(AuditKind.OPERATOR_LOGIN, clock.instant()).party(operator).detail("console")
                    .build());
            return null;
        });
        response.sendRedirect("/");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        committer.commit(tx -> {
            tx.audit(AuditRecord.of(AuditKind.OPERATOR_LOGIN_FAILED, clock.instant()).detail("console").build());
            return null;
        });
        response.sendRedirect(LOGIN_PAGE + "?error");
    }
}
