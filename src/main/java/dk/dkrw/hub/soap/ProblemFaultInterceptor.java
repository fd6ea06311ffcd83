package dk.dkrw.hub.soap;

import dk.dkrw.hub.problem.HubException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;

/**
 * On the way out of every fault, replaces whatever CXF or the endpoint threw (a parser refusal, a coded
 * refusal from the intake route, an unexpected failure) with the contract fault of {@link SoapProblems}, and
 * sets its HTTP status before the response headers are written.
 */
final class ProblemFaultInterceptor extends AbstractSoapInterceptor {

    ProblemFaultInterceptor() {
        super(Phase.PRE_LOGICAL);
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
    }
}
