package dk.dkrw.hub.soap;

import dk.dkrw.hub.intake.Channel;
import dk.dkrw.hub.intake.IntakeRejections;
import dk.dkrw.hub.intake.Submission;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyAuthenticationFilter;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;

import java.time.Clock;

/**
 * On the way out of every fault, replaces whatever CXF or the endpoint threw (a parser refusal, a coded
 * refusal from the intake route, an unexpected failure) with the contract fault of {@link SoapProblems}, and
 * sets its HTTP status before the response headers are written. A message refused before it reached the
 * intake route (not SOAP 1.2, a DTD, over an XML limit, not the XML form of a dossier) is audited here, as the
 * route audits its own refusals: party, cause and the SHA-256 of the request body, nothing of its content.
 */
final class ProblemFaultInterceptor extends AbstractSoapInterceptor {

    private final IntakeRejections rejections;
    private final Clock clock;

    ProblemFaultInterceptor(IntakeRejections rejections, Clock clock) {
        super(Phase.PRE_LOGICAL);
        this.rejections = rejections;
        this.clock = clock;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception failure = message.getContent(Exception.class);
        if (failure == null) {
            return;
        }
        SoapFault fault;
        if (SoapProblems.isProblemFault(failure)) {
            fault = (SoapFault) failure;
        } else {
            HubException coded = SoapProblems.classify(failure);
            fault = SoapProblems.fault(coded);
        }
        message.setContent(Exception.class, fault);
        message.put(Message.RESPONSE_CODE, fault.getStatusCode());
        Exchange exchange = message.getExchange();
        Message in = exchange == null ? null : exchange.getInMessage();
        if (in != null && in.get(SoapDossierEndpoint.SUBMITTED) == null) {
            auditRefusalBeforeIntake(in, SoapProblems.classify(failure));
        }
    }

    private void auditRefusalBeforeIntake(Message in, HubException refusal) {
        if (refusal.code() == ProblemCode.INTERNAL_ERROR || refusal.code() == ProblemCode.PAYLOAD_TOO_LARGE) {
            return; // as for REST: an internal failure is logged, an oversized body is not hashed
        }
        HttpServletRequest request = (HttpServletRequest) in.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (request == null) {
            return;
        }
        Party party = (Party) request.getAttribute(PartyAuthenticationFilter.PARTY);
        String sha256 = SoapBodyLimitFilter.bodySha256(request);
        rejections.record(new Submission(Channel.SOAP, party, new byte[0], null, clock.instant(), sha256), refusal);
    }
}
