package dk.dkrw.hub.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.SafeIds;
import dk.dkrw.hub.signature.Sha256;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What is kept of a dossier message the broker dead-lettered from {@code dk.dossiers.inbound}: its SHA-256, the
 * sending party and the correlation id, never the dossier itself (personal data, and larger than a dead letter
 * holds). The operator sees which submission failed and asks the agency to resend it; idempotency makes a resend
 * of a dossier that was in fact accepted harmless.
 */
@Component
public class InboundDeadLetters {

    private static final Pattern PARTY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final ObjectMapper json;

    public InboundDeadLetters(ObjectMapper json) {
        this.json = json;
    }

    public void summarise(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        byte[] bytes = body instanceof byte[] raw ? raw
                : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
        ObjectNode summary = json.createObjectNode().put("channel", Channel.QUEUE.name())
                .put("sha256", bytes == null ? null : Sha256.hex(bytes));
        String party = message.getHeader(QueueIntake.VALIDATED_USER, String.class);
        if (party != null && PARTY_ID.matcher(party).matches()) {
            summary.put("party", party);
        }
        String correlation = message.getHeader("JMSCorrelationID", String.class);
        if (correlation != null && SafeIds.isUuid(correlation)) {
            summary.put("correlationId", correlation);
        }
        message.setBody(json.writeValueAsString(summary));
    }
}
