package dk.dkrw.hub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.OpsClient;
import dk.dkrw.hub.support.OpsProblems;
import dk.dkrw.hub.web.OpsConnector;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jms.core.JmsTemplate;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay of many: only OPEN rows matching the filter go back, in id order, each to its original queue with its
 * key and group and a reference to the dead letter, and without the broker duplicate id of the original.
 * The rows are written directly, on a queue of their own, so the messages can be read back as sent.
 */
class DeadLetterReplayAllIT extends HubIT {

    @Autowired
    OpsConnector ops;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectionFactory connectionFactory;

    private OpsClient operator;
    private JmsTemplate jms;

    @BeforeEach
    void clients() {
        operator = OpsClient.as(ops.localPort(), OpsClient.OPERATOR);
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);
    }

    @Test
    void replayAllWithARouteFilterResendsOnlyThatRoutesOpenRowsInIdOrder() throws JMSException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String queue = "hub.test.replay-" + tag;
        String route = "test-route-a-" + tag;
        String otherRoute = "test-route-b-" + tag;
        long first = insert(queue, route, "k1-" + tag, "{\"n\":1}");
        long second = insert(queue, route, "k2-" + tag, "{\"n\":2}");
        long other = insert(queue, otherRoute, "k3-" + tag, "{\"n\":3}");

        HttpResponse<String> misspelt = operator.post("/ops/v1/dead-letters/replay", "{\"rout\":\"" + route + "\"}");
        assertThat(OpsProblems.assertProblem(misspelt, 422, "validation-failed").path("errors").get(0)
                .path("pointer").asText()).isEqualTo("/rout");
        assertThat(DeadLetterApiIT.json(operator.post("/ops/v1/dead-letters/replay",
                "{\"route\":\"" + otherRoute + "\",\"cause\":\"another-cause\"}")).path("replayed").asInt()).isZero();

        JsonNode answer = DeadLetterApiIT.json(operator.post("/ops/v1/dead-letters/replay",
                "{\"route\":\"" + route + "\",\"reason\":\"consumer fixed\"}"));

        assertThat(answer.path("replayed").asInt()).isEqualTo(2);
        assertThat(answer.path("ids").toString()).isEqualTo("[" + first + "," + second + "]");
        assertReplayed(jms.receive(queue), first, "k1-" + tag, "{\"n\":1}");
        assertReplayed(jms.receive(queue), second, "k2-" + tag, "{\"n\":2}");
        jms.setReceiveTimeout(500);
        assertThat(jms.receive(queue)).isNull();

        assertThat(jdbc.queryForList("select state from dead_letter where id in (?, ?) and resolved_by = 'operator' "
                + "and resolution_reason = 'consumer fixed'", String.class, first, second))
                .containsExactly("REPLAYED", "REPLAYED");
        assertThat(jdbc.queryForObject("select state from dead_letter where id = ?", String.class, other))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DEAD_LETTER_REPLAYED' "
                        + "and party_id = 'operator:operator' and detail like ?", Long.class,
                "%route " + route)).isEqualTo(2);
    }

    private static void assertReplayed(Message message, long id, String key, String body) throws JMSException {
        assertThat(message).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) message).getText()).isEqualTo(body);
        assertThat(message.getStringProperty("hubReplayOf")).isEqualTo(Long.toString(id));
        assertThat(message.getStringProperty("hubMessageKey")).isEqualTo(key);
        assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo("group-" + key);
        assertThat(message.propertyExists("_AMQ_DUPL_ID")).isFalse();
    }

    private long insert(String queue, String route, String key, String body) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into dead_letter (queue, route, "
                    + "message_key, group_id, body, cause_code, cause_text, attempts, first_failure_at, "
                    + "last_failure_at, state) values (?, ?, ?, ?, ?, 'internal-error', 'unexpected failure', 8, "
                    + "?, ?, 'OPEN')", new String[] {"id"});
            insert.setString(1, queue);
            insert.setString(2, route);
            insert.setString(3, key);
            insert.setString(4, "group-" + key);
            insert.setString(5, body);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            return insert;
        }, id);
        return id.getKey().longValue();
    }
}
