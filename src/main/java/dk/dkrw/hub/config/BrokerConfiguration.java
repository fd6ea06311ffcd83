package dk.dkrw.hub.config;

import dk.dkrw.hub.cases.CaseEventAcceptance;
import dk.dkrw.hub.intake.DossierAcceptance;
import dk.dkrw.hub.intake.QueueIntake;
import dk.dkrw.hub.party.PartyRegistry;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded broker's queues and their failure policy: every hub queue redelivers with exponential backoff
 * and, after the configured attempts, moves the message to its own {@code DLQ.<queue>}. Consumers are
 * idempotent on the message key, so a resend after a crash is harmless.
 *
 * <p>Security is always on: the hub's own in-VM sessions may do anything, and with {@code hub.broker.tcp-enabled}
 * agencies reach {@code dk.dossiers.inbound} over a TLS acceptor (client certificate required) as one party each
 * ({@link BrokerSecurity}). The validated user is stamped on every message, so the queue intake knows the
 * transport party the way the REST channel knows the TLS client.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    /** Queues consumed by hub routes; each gets a dead-letter queue. */
    static final List<String> QUEUES = List.of(DossierAcceptance.ACCEPTED_QUEUE, CaseEventAcceptance.ACCEPTED_QUEUE,
            QueueIntake.INBOUND);

    /**
     * Messages of one dossier (or case) share a JMS group so they are consumed in order. The consumers stay open
     * (CACHE_CONSUMER), so the broker would keep one group entry per dossier ever seen for as long as they live;
     * hashing the group ids into a fixed number of buckets keeps the order per dossier and the memory bounded.
     */
    static final int GROUP_BUCKETS = 1024;

    @Bean
    ArtemisConfigurationCustomizer hubBrokerSettings(HubProperties properties) {
        HubProperties.Queues policy = properties.queues();
        return configuration -> {
            configuration.setPersistenceEnabled(true);
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            configuration.setSecurityEnabled(true);
            configuration.setPopulateValidatedUser(true);
            for (String queue : QUEUES) {
                String deadLetters = "DLQ." + queue;
                configuration.addQueueConfiguration(QueueConfiguration.of(queue)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
                configuration.addQueueConfiguration(QueueConfiguration.of(deadLetters)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
                configuration.addAddressSetting(queue, new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(deadLetters))
                        .setMaxDeliveryAttempts(policy.maxDeliveryAttempts())
                        .setRedeliveryDelay(policy.redeliveryDelay().toMillis())
                        .setRedeliveryMultiplier(policy.redeliveryMultiplier())
                        .setMaxRedeliveryDelay(policy.maxRedeliveryDelay().toMillis())
                        .setDefaultGroupBuckets(GROUP_BUCKETS));
            }
            configuration.addQueueConfiguration(QueueConfiguration.of(QueueIntake.REJECTED)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            HubProperties.Broker broker = properties.broker();
            if (broker.tcpEnabled()) {
                configuration.addAcceptorConfiguration(new TransportConfiguration(
                        NettyAcceptorFactory.class.getName(), tlsAcceptor(properties), "tcp"));
            }
        };
    }

    private static Map<String, Object> tlsAcceptor(HubProperties properties) {
        HubProperties.Signature signature = properties.signature();
        BrokerTlsStores stores = BrokerTlsStores.write(properties.dataDir().resolve("broker-tls"),
                signature.hubCertificate(), signature.hubKey(), signature.trustAnchors());
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, properties.broker().tcpHost());
        params.put(TransportConstants.PORT_PROP_NAME, properties.broker().tcpPort());
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "CORE");
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, true);
        params.put(TransportConstants.ENABLED_PROTOCOLS_PROP_NAME, "TLSv1.3,TLSv1.2");
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, "PKCS12");
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, stores.keyStore().toString());
        params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, stores.password());
        params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, "PKCS12");
        params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, stores.trustStore().toString());
        params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, stores.password());
        return params;
    }

    /**
     * Installs {@link BrokerSecurity} on the embedded broker before it starts (Boot's customizer sees only the
     * configuration, not the server). Static and lazy so that this post-processor does not pull the party
     * registry into early initialisation.
     */
    @Bean
    static BeanPostProcessor brokerSecurityInstaller(ObjectProvider<HubProperties> properties,
                                                     ObjectProvider<PartyRegistry> parties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    HubProperties hub = properties.getObject();
                    broker.setSecurityManager(new BrokerSecurity(hub.broker(), parties.getObject(),
                            PasswordEncoderFactories.createDelegatingPasswordEncoder(), true));
                }
                return bean;
            }
        };
    }
}
