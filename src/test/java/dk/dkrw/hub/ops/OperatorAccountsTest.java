package dk.dkrw.hub.ops;

import dk.dkrw.hub.config.HubProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check of operator accounts, as the prod profile runs it (development passwords not allowed). */
class OperatorAccountsTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String STRONG = "correct-horse-battery-staple-17";
    private static final String STRONG_BCRYPT = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(STRONG);

    private static HubProperties.Ops prod(HubProperties.OpsUser... users) {
        return new HubProperties.Ops(9090, "127.0.0.1", List.of(users), false);
    }

    private static HubProperties.OpsUser user(String name, String password, String role) {
        return new HubProperties.OpsUser(name, password, role);
    }

    @Test
    void acceptsBcryptAccountsAndGivesEachItsRole() {
        List<UserDetails> accounts = OperatorAccounts.from(prod(user("anna", STRONG_BCRYPT, "VIEWER"),
                user("bo", STRONG_BCRYPT, "operator")), ENCODER);

        assertThat(accounts).extracting(UserDetails::getUsername).containsExactly("anna", "bo");
        assertThat(accounts.get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
        assertThat(accounts.get(1).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR");
        assertThat(ENCODER.matches(STRONG, accounts.get(0).getPassword())).isTrue();
    }

    @Test
    void acceptsTheDevelopmentAccountsOnlyWhereDevelopmentPasswordsAreAllowed() {
        HubProperties.Ops development = new HubProperties.Ops(9090, "127.0.0.1",
                List.of(user("viewer", "{noop}viewer-dev-password", "VIEWER")), true);

        assertThat(OperatorAccounts.from(development, ENCODER)).hasSize(1);
    }

    @Test
    void treatsAPasswordWithoutEncodingPrefixAsPlainText() {
        List<UserDetails> accounts = OperatorAccounts.from(prod(user("anna", STRONG, "VIEWER")), ENCODER);

        assertThat(ENCODER.matches(STRONG, accounts.get(0).getPassword())).isTrue();
    }

    @Nested
    class RefusesToStart {

        @Test
        void withoutAnyAccount() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(), ENCODER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no operator accounts are configured");
        }

        @Test
        void withoutOpsSettingsAtAll() {
            assertThatThrownBy(() -> OperatorAccounts.from(null, ENCODER))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void withADevelopmentPasswordInPlainTextAndNamesNoPassword() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("anna", STRONG_BCRYPT, "VIEWER"),
                    user("ops", "{noop}operator-dev-password", "OPERATOR")), ENCODER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hub.ops.users[1] (ops)")
                    .hasMessageContaining("development password")
                    .hasMessageNotContaining("operator-dev-password")
                    .hasMessageNotContaining(STRONG_BCRYPT);
        }

        @Test
        void withADevelopmentPasswordWithoutPrefix() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("viewer", "viewer-dev-password", "VIEWER")),
                    ENCODER))
                    .hasMessageContaining("development password")
                    .hasMessageNotContaining("viewer-dev-password");
        }

        @Test
        void withADevelopmentPasswordHashedWithBcrypt() {
            String hashed = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("viewer-dev-password");

            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("viewer", hashed, "VIEWER")), ENCODER))
                    .hasMessageContaining("development password")
                    .hasMessageNotContaining(hashed);
        }

        @Test
        void withAnEmptyPassword() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("anna", "", "VIEWER")), ENCODER))
                    .hasMessageContaining("password is empty");
        }

        @Test
        void withAnUnknownPasswordEncoding() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("anna", "{rot13}nofgenpg", "VIEWER")),
                    ENCODER))
                    .hasMessageContaining("unknown encoding")
                    .hasMessageNotContaining("nofgenpg");
        }

        @Test
        void withAnUnknownRole() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("anna", STRONG_BCRYPT, "ADMIN")), ENCODER))
                    .hasMessageContaining("role must be VIEWER or OPERATOR");
        }

        @Test
        void withANameUnfitForTheAuditTrail() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("anna smith", STRONG_BCRYPT, "VIEWER")),
                    ENCODER))
                    .hasMessageContaining("hub.ops.users[0]: name must be");
        }

        @Test
        void withTheSameNameTwice() {
            assertThatThrownBy(() -> OperatorAccounts.from(prod(user("anna", STRONG_BCRYPT, "VIEWER"),
                    user("anna", STRONG_BCRYPT, "OPERATOR")), ENCODER))
                    .hasMessageContaining("configured twice");
        }
    }
}
