package dk.dkrw.hub.web;

import dk.dkrw.hub.config.HubProperties;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds the operator port (plain HTTP, loopback by default) beside the partner port (mutual TLS). Both share one
 * servlet context; {@link PortSeparationFilter} keeps each path family on its own port.
 */
@Component
public class OpsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Connector connector;

    public OpsConnector(HubProperties properties) {
        connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.ops().port());
        connector.setProperty("address", properties.ops().address());
        connector.setProperty("maxPostSize", "1048576");
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalTomcatConnectors(connector);
    }

    /** The port the operator connector is bound to (differs from the configured one when that is 0). */
    public int localPort() {
        return connector.getLocalPort();
    }
}
