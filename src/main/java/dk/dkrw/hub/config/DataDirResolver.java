package dk.dkrw.hub.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Makes {@code hub.data-dir} absolute before anything binds it: the embedded database URL, the broker journal
 * and the attachment store are all derived from it, and H2 refuses implicitly relative file paths.
 */
public class DataDirResolver implements EnvironmentPostProcessor {

    private static final String KEY = "hub.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(KEY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("hubDataDirAbsolute", Map.of(KEY, absolute)));
    }
}
