package dk.dkrw.hub.monitoring;

import dk.dkrw.hub.cases.EventSubmission;
import dk.dkrw.hub.intake.IntakeGateway;
import dk.dkrw.hub.intake.SignedDocument;
import dk.dkrw.hub.intake.Submission;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * {@code hub_intake_total{document,channel,party,outcome,code}}: every answer the intake routes give, counted
 * when a channel's call to {@code direct:dossier-intake} or {@code direct:event-intake} returns, whatever the
 * channel. Labels are the document kind, the channel, the accountable party's registry id, the outcome
 * ({@code accepted}, {@code repeat}, {@code rejected}) and the contract cause code ({@code none} when accepted):
 * never a document id.
 */
public class IntakeMeters extends EventNotifierSupport {

    static final String NAME = "hub.intake";

    private final MeterRegistry registry;

    public IntakeMeters(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent sent && isIntake(sent.getEndpoint().getEndpointKey());
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeSentEvent) event).getExchange();
        if (exchange.getMessage().getBody() instanceof SignedDocument document) {
            count(document, exchange.getException());
        }
    }

    void count(SignedDocument document, Exception failure) {
        Party party = document.accountableParty();
        String outcome;
        String code = "none";
        if (failure != null) {
            outcome = "rejected";
            code = failure instanceof HubException coded ? coded.code().code() : ProblemCode.INTERNAL_ERROR.code();
        } else {
            outcome = created(document) ? "accepted" : "repeat";
        }
        Counter.builder(NAME)
                .description("documents answered by the intake routes, by outcome and cause code")
                .tag("document", document instanceof EventSubmission ? "event" : "dossier")
                .tag("channel", document.channel().name().toLowerCase())
                .tag("party", party == null ? "unknown" : party.id())
                .tag("outcome", outcome)
                .tag("code", code)
                .register(registry)
                .increment();
    }

    private static boolean created(SignedDocument document) {
        if (document instanceof Submission submission && submission.outcome() != null) {
            return submission.outcome().created();
        }
        if (document instanceof EventSubmission event && event.outcome() != null) {
            return event.outcome().created();
        }
        return false;
    }

    private static boolean isIntake(String endpointKey) {
        return uriKey(IntakeGateway.DOSSIER_INTAKE).equals(endpointKey)
                || uriKey(IntakeGateway.EVENT_INTAKE).equals(endpointKey);
    }

    private static String uriKey(String uri) {
        return uri.replace("direct:", "direct://");
    }
}
