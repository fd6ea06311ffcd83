package dk.dkrw.hub.soap;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.intake.IntakeRejections;
import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.logging.FaultListener;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes the SOAP dossier intake on CXF's servlet ({@code cxf.path: /ws}, partner port only, behind the
 * same mutual-TLS party filter as REST) with the XML parser bounded: no DTDs or external entities (CXF's
 * secure StAX defaults, never switched to {@code allowInsecureParser}), and limits on depth, children, text
 * and total size well above any real dossier and far below what would strain the heap.
 */
@Configuration(proxyBeanMethods = false)
public class SoapIntakeConfiguration {

    public static final String SOAP_PATH = "/ws";
    public static final String DOSSIERS_ADDRESS = "/dossiers";

    /** The XML limits; a real dossier nests about 10 deep (envelope included) with at most a few hundred children. */
    static final Map<String, Object> XML_LIMITS = Map.of(
            "org.apache.cxf.stax.maxElementDepth", 40,
            "org.apache.cxf.stax.maxChildElements", 5000,
            "org.apache.cxf.stax.maxAttributeCount", 16,
            "org.apache.cxf.stax.maxAttributeSize", 1024,
            "org.apache.cxf.stax.maxTextLength", 1_000_000,
            "org.apache.cxf.stax.maxElementCount", 200_000L);

    @Bean
    DossierXmlMapper dossierXmlMapper() {
        return new DossierXmlMapper();
    }

    @Bean(destroyMethod = "stop")
    Endpoint soapDossierIntake(Bus bus, SoapDossierEndpoint implementor, IntakeRejections rejections, Clock clock) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementor);
        Map<String, Object> properties = new HashMap<>(XML_LIMITS);
        properties.put(FaultListener.class.getName(), new SoapFaultLog());
        endpoint.setProperties(properties);
        endpoint.getInInterceptors().add(new DossierEnvelopeInterceptor());
        endpoint.getOutFaultInterceptors().add(new ProblemFaultInterceptor(rejections, clock));
        endpoint.publish(DOSSIERS_ADDRESS);
        return endpoint;
    }

    @Bean
    FilterRegistrationBean<SoapBodyLimitFilter> soapBodyLimitFilter(HubProperties properties) {
        FilterRegistrationBean<SoapBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new SoapBodyLimitFilter(properties.partner().maxJsonBytes().toBytes()));
        registration.addUrlPatterns(SOAP_PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
