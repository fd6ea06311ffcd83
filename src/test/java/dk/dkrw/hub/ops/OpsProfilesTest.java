package dk.dkrw.hub.ops;

import dk.dkrw.hub.config.HubProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What {@code hub.ops} binds to from the committed configuration files, layered as Spring Boot layers them:
 * the default profile has the two development accounts; the prod profile clears them, so only accounts from
 * its own environment count.
 */
class OpsProfilesTest {

    @Test
    void defaultProfileHasTheDocumentedDevelopmentAccounts() throws IOException {
        HubProperties.Ops ops = bind(environment(false, Map.of()));

        assertThat(ops.allowDevelopmentPasswords()).isTrue();
        assertThat(ops.users()).extracting(HubProperties.OpsUser::name, HubProperties.OpsUser::password,
                        HubProperties.OpsUser::role)
                .containsExactly(tuple("viewer", "{noop}viewer-dev-password", "VIEWER"),
                        tuple("operator", "{noop}operator-dev-password", "OPERATOR"));
    }

    @Test
    void prodProfileInheritsNoAccountAndRefusesDevelopmentPasswords() throws IOException {
        HubProperties.Ops ops = bind(environment(true, Map.of()));

        assertThat(ops.users()).isEmpty();
        assertThat(ops.allowDevelopmentPasswords()).isFalse();
    }

    @Test
    void prodProfileTakesAccountsFromTheEnvironment() throws IOException {
        HubProperties.Ops ops = bind(environment(true, Map.of("HUB_OPS_USERS_0_NAME", "anna",
                "HUB_OPS_USERS_0_PASSWORD", "{bcrypt}$2a$04$abc", "HUB_OPS_USERS_0_ROLE", "OPERATOR")));

        assertThat(ops.users()).extracting(HubProperties.OpsUser::name).containsExactly("anna");
    }

    private static StandardEnvironment environment(boolean prod, Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        if (prod) {
            load("application-prod.yaml").forEach(environment.getPropertySources()::addLast);
        }
        load("application.yaml").forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static List<PropertySource<?>> load(String name) throws IOException {
        return new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
    }

    private static HubProperties.Ops bind(StandardEnvironment environment) {
        return Binder.get(environment).bind("hub.ops", Bindable.of(HubProperties.Ops.class)).get();
    }
}
