package dk.dkrw.hub.ops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The Camel event notifier behind the routes' latest failures (Camel picks up notifier beans itself). */
@Configuration(proxyBeanMethods = false)
public class RouteMonitoringConfiguration {

    @Bean
    RouteFailures routeFailures(Clock clock) {
        return new RouteFailures(clock);
    }
}
