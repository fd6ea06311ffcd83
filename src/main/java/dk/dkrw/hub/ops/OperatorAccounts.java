package dk.dkrw.hub.ops;

import dk.dkrw.hub.config.HubProperties;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns {@code hub.ops.users} into login accounts, or refuses to: the hub must not start with no operator
 * account, with an account it cannot check, or (unless development passwords are allowed, as in the default
 * profile only) with a documented development password, in plain text or hashed. Messages name accounts by
 * position and name, never a password.
 */
public final class OperatorAccounts {

    /** The development passwords documented in README; never acceptable outside the default profile. */
    static final List<String> DEVELOPMENT_PASSWORDS = List.of("viewer-dev-password", "operator-dev-password");

    /** Names go into audit entries as {@code operator:<name>}: a short, plain token. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,48}");
    private static final Pattern ENCODING_PREFIX = Pattern.compile("^\\{[^{}]*}.*", Pattern.DOTALL);

    private OperatorAccounts() {
    }

    public static List<UserDetails> from(HubProperties.Ops ops, PasswordEncoder encoder) {
        if (ops == null || ops.users().isEmpty()) {
            throw new IllegalStateException("no operator accounts are configured: set hub.ops.users (e.g. "
                    + "HUB_OPS_USERS_0_NAME, HUB_OPS_USERS_0_PASSWORD, HUB_OPS_USERS_0_ROLE); the hub does not "
                    + "start without them");
        }
        List<String> problems = new ArrayList<>();
        List<UserDetails> accounts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ops.users().size(); i++) {
            UserDetails account = account(i, ops.users().get(i), names, problems, encoder,
                    ops.allowDevelopmentPasswords());
            if (account != null) {
                accounts.add(account);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("operator accounts refused: " + String.join("; ", problems));
        }
        return accounts;
    }

    /** The account, or null with its problems added. */
    private static UserDetails account(int index, HubProperties.OpsUser user, Set<String> names,
                                       List<String> problems, PasswordEncoder encoder, boolean allowDevelopment) {
        String label = "hub.ops.users[" + index + "]";
        int before = problems.size();
        String name = user.name() == null ? "" : user.name().trim();
        if (!NAME.matcher(name).matches()) {
            problems.add(label + ": name must be 1 to 48 letters, digits or . _ @ -");
        } else if (!names.add(name)) {
            problems.add(label + ": name " + name + " is configured twice");
        } else {
            label = label + " (" + name + ")";
        }
        OperatorRole role = role(user.role());
        if (role == null) {
            problems.add(label + ": role must be VIEWER or OPERATOR");
        }
        String password = encoded(user.password());
        String passwordProblem = passwordProblem(password, encoder, allowDevelopment);
        if (passwordProblem != null) {
            problems.add(label + ": " + passwordProblem);
        }
        return problems.size() == before ? User.withUsername(name).password(password).roles(role.name()).build()
                : null;
    }

    /** A password without an encoding prefix is plain text. */
    private static String encoded(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        return ENCODING_PREFIX.matcher(password).matches() ? password : "{noop}" + password;
    }

    private static String passwordProblem(String password, PasswordEncoder encoder, boolean allowDevelopment) {
        if (password == null || password.equals("{noop}")) {
            return "password is empty";
        }
        try {
            encoder.matches("", password);
            if (!allowDevelopment && DEVELOPMENT_PASSWORDS.stream().anyMatch(dev -> encoder.matches(dev, password))) {
                return "password is a documented development password; configure a real one";
            }
        } catch (IllegalArgumentException unknownEncoding) {
            return "password uses an unknown encoding prefix";
        }
        return null;
    }

    private static OperatorRole role(String role) {
        try {
            return role == null ? null : OperatorRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
