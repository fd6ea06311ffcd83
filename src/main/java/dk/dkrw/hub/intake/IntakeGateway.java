package dk.dkrw.hub.intake;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The one entrance every channel adapter uses: sends a signed document through its intake route and hands
 * back the route's outcome, or the route's failure (a coded {@code HubException} for refusals) unwrapped.
 */
@Component
public class IntakeGateway {

    public static final String DOSSIER_INTAKE = "direct:dossier-intake";
    public static final String EVENT_INTAKE = "direct:event-intake";

    private final ProducerTemplate producer;

    public IntakeGateway(ProducerTemplate producer) {
        this.producer = producer;
    }

    public IntakeOutcome submit(Submission submission) {
        return send(DOSSIER_INTAKE, submission).outcome();
    }

    @SuppressWarnings("unchecked")
    public <D extends SignedDocument> D send(String endpoint, D document) {
        try {
            return (D) producer.requestBody(endpoint, document, document.getClass());
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
