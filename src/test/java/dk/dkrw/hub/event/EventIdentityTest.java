package dk.dkrw.hub.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The key fields of an event, read before validation from whatever arrived. */
class EventIdentityTest {

    private static final EventIdentity NOTHING = new EventIdentity(null, null, null, null);

    @Test
    void readsEventIdCaseIdSequenceAndType() {
        EventIdentity identity = EventIdentity.of(EventSamples.read("valid/06-decision-refused.json"));

        assertThat(identity).isEqualTo(new EventIdentity("1c3e5a7b-9d0f-4b2d-8f4a-6c8e0b2d4f06",
                EventSamples.PLACEHOLDER, 6, "DECISION"));
        assertThat(identity.hasKey()).isTrue();
    }

    @Test
    void toleratesNullAndValuesThatAreNoObject() {
        JsonNodeFactory json = JsonNodeFactory.instance;

        assertThat(EventIdentity.of(null)).isEqualTo(NOTHING);
        assertThat(EventIdentity.of(json.nullNode())).isEqualTo(NOTHING);
        assertThat(EventIdentity.of(MissingNode.getInstance())).isEqualTo(NOTHING);
        assertThat(EventIdentity.of(json.arrayNode().add(1))).isEqualTo(NOTHING);
        assertThat(EventIdentity.of(json.textNode("RECEIVED"))).isEqualTo(NOTHING);
        assertThat(EventIdentity.of(json.objectNode())).isEqualTo(NOTHING);
        assertThat(NOTHING.hasKey()).isFalse();
    }

    @Test
    void readsMistypedFieldsAsNull() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("eventId", 42).putNull("caseId").putArray("type").add("RECEIVED");
        event.put("sequence", "3");

        assertThat(EventIdentity.of(event)).isEqualTo(NOTHING);
    }

    @ParameterizedTest(name = "sequence {0}")
    @ValueSource(strings = {"1.5", "2147483648", "-9223372036854775809", "true", "{}"})
    void readsASequenceThatIsNoIntIntegerAsNull(String sequence) throws IOException {
        JsonNode event = new ObjectMapper().readTree("{\"eventId\":\"e\",\"sequence\":" + sequence + "}");

        assertThat(EventIdentity.of(event).sequence()).isNull();
        assertThat(EventIdentity.of(event).hasKey()).isFalse();
    }

    @Test
    void readsAnIntegralSequenceWrittenWithAFraction() throws IOException {
        JsonNode event = new ObjectMapper().readTree("{\"sequence\":3.0}");

        assertThat(EventIdentity.of(event).sequence()).isEqualTo(3);
    }

    @Test
    void hasNoKeyWithoutEventIdOrWithASequenceBelowOne() {
        assertThat(new EventIdentity(null, "c", 1, "RECEIVED").hasKey()).isFalse();
        assertThat(new EventIdentity("e", "c", 0, "RECEIVED").hasKey()).isFalse();
        assertThat(new EventIdentity("e", null, 1, null).hasKey()).isTrue();
    }
}
