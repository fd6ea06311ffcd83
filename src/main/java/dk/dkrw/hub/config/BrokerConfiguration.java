package dk.dkrw.hub.config;

import dk.dkrw.hub.cases.CaseEventAcceptance;
import dk.dkrw.hub.intake.DossierAcceptance;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The embedded broker's queues and their failure policy: every hub queue redelivers with exponential backoff
 * and, after the configured attempts, moves the message to its own {@code DLQ.<queue>}. Consumers are
 * idempotent on the message key, so a resend after a crash is harmless.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    /** Queues consumed by hub routes; each gets a dead-letter queue. */
    static final List<String> QUEUES = List.of(DossierAcceptance.ACCEPTED_QUEUE, CaseEventAcceptance.ACCEPTED_QUEUE);

    @Bean
    ArtemisConfigurationCustomizer hubBrokerSettings(HubProperties properties) {
        HubProperties.Queues policy = properties.queues();
        return configuration -> {
            configuration.setPersistenceEnabled(true);
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            for (String queue : QUEUES) {
                String deadLetters = "DLQ." + queue;
                configuration.addQueueConfiguration(QueueConfiguration.of(queue)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
                configuration.addQueueConfiguration(QueueConfiguration.of(deadLetters)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
                configuration.addAddressSetting(queue, new AddressSettings()
                        .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(deadLetters))
                        .setMaxDeliveryAttempts(policy.maxDeliveryAttempts())
                        .setRedeliveryDelay(policy.redeliveryDelay().toMillis())
                        .setRedeliveryMultiplier(policy.redeliveryMultiplier())
                        .setMaxRedeliveryDelay(policy.maxRedeliveryDelay().toMillis()));
            }
            if (properties.broker().tcpEnabled()) {
                try {
                    configuration.addAcceptorConfiguration("tcp",
                            "tcp://127.0.0.1:" + properties.broker().tcpPort());
                } catch (Exception e) {
                    throw new IllegalStateException("broker TCP acceptor could not be configured", e);
                }
            }
        };
    }
}
