package dk.dkrw.hub.soap;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeFailure;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces CXF's own fault logging (a WARN with the stack trace and the failure's message, which for a parser
 * refusal may quote the document) for the SOAP intake: a refusal is an answer, logged as its code only (the
 * intake route has already logged and audited the refusals it made); a failure of the hub itself is logged
 * as an error with exception classes and frames but no messages.
 */
final class SoapFaultLog implements FaultListener {

    private static final Logger log = LoggerFactory.getLogger(SoapFaultLog.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        HubException coded = SoapProblems.classify(exception);
        if (coded.code() == ProblemCode.INTERNAL_ERROR) {
            log.error("SOAP dossier intake failed: {}", SafeFailure.describe(exception));
        } else {
            log.debug("SOAP dossier request refused: cause={}", coded.code().code());
        }
        return false;
    }
}
