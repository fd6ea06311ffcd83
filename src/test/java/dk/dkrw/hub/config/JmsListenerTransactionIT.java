package dk.dkrw.hub.config;

import dk.dkrw.hub.outbox.MessageSender;
import dk.dkrw.hub.support.HubIT;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a transacted route sends while it consumes a message commits in the same transaction as the consumption:
 * on the session Camel hands the route (as QueueReplies answers a queued dossier) and through a JmsTemplate (as
 * MessageSender schedules a retry). A route that fails after sending is rolled back with everything it sent, and
 * the redelivery that succeeds sends once. With the listener session not exposed, Spring gave the route a session
 * of its own and committed it before the consumption: a crash between the two commits answered a dossier twice.
 */
class JmsListenerTransactionIT extends HubIT {

    private static final String IN = "hub.test.listener-tx";
    private static final String ON_SESSION = "hub.test.listener-tx.session-out";
    private static final String BY_TEMPLATE = "hub.test.listener-tx.template-out";
    private static final String ROUTE = "test-listener-tx";
    private static final int FAILING_DELIVERIES = 2;

    @Autowired
    private CamelContext camel;
    @Autowired
    private MessageSender sender;
    @Autowired
    private ConnectionFactory connectionFactory;

    @AfterEach
    void removeRoute() throws Exception {
        camel.getRouteController().stopRoute(ROUTE);
        camel.removeRoute(ROUTE);
    }

    @Test
    void whatARouteSendsCommitsWithTheConsumptionAndRollsBackWithIt() throws Exception {
        AtomicInteger deliveries = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + IN + "?transacted=true").routeId(ROUTE).process(exchange -> {
                    Session session = exchange.getIn(JmsMessage.class).getJmsSession();
                    try (MessageProducer producer = session.createProducer(session.createQueue(ON_SESSION))) {
                        producer.send(session.createTextMessage("answer"));
                    }
                    sender.send(BY_TEMPLATE, "retry", "test-key", null, null);
                    if (deliveries.incrementAndGet() <= FAILING_DELIVERIES) {
                        throw new IllegalStateException("the route fails after sending");
                    }
                });
            }
        });
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.convertAndSend(IN, "work");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.get() > FAILING_DELIVERIES
                && count(jms, ON_SESSION) > 0 && count(jms, BY_TEMPLATE) > 0);
        Thread.sleep(1000); // time for anything sent twice, or committed late, to show

        assertThat(deliveries).as("deliveries until the route succeeded").hasValue(FAILING_DELIVERIES + 1);
        assertThat(count(jms, ON_SESSION)).as("answers sent on the route's session").isEqualTo(1);
        assertThat(count(jms, BY_TEMPLATE)).as("messages sent through a JmsTemplate").isEqualTo(1);
    }

    private static int count(JmsTemplate jms, String queue) {
        Integer count = jms.browse(queue, (session, browser) -> {
            return Collections.list(browser.getEnumeration()).size();
        });
        return count == null ? 0 : count;
    }

}
