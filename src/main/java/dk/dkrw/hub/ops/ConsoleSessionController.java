package dk.dkrw.hub.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /console/session}: who is signed in to the console (if anyone) and the CSRF token the console's
 * forms and calls must carry. Open, so the login page can fetch its token.
 */
@RestController
public class ConsoleSessionController {

    /** The answer; {@code operator} and {@code role} only when signed in. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsoleSession(boolean authenticated, String operator, String role, Csrf csrf) {
    }

    /** Where and what to send as CSRF token. */
    public record Csrf(String headerName, String parameterName, String token) {
    }

    @GetMapping("/console/session")
    public ResponseEntity<ConsoleSession> session(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Csrf csrf = token == null ? null : new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        ConsoleSession body = signedIn
                ? new ConsoleSession(true, authentication.getName(), role(authentication), csrf)
                : new ConsoleSession(false, null, null, csrf);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static String role(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse(null);
    }
}
