package dk.dkrw.hub.intake;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The one entrance every channel adapter uses: sends a submission through the {@code dossier-intake} route. */
@Component
public class DossierIntake {

    static final String ENDPOINT = "direct:dossier-intake";

    private final ProducerTemplate producer;

    public DossierIntake(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Returns the outcome, or throws the route's failure (a coded {@code HubException} for refusals). */
    public IntakeOutcome submit(Submission submission) {
        try {
            return producer.requestBody(ENDPOINT, submission, Submission.class).outcome();
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
