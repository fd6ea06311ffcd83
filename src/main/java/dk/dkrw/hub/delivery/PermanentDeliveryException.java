package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

/**
 * Sending the same status update again will not help: the Danish side refused it (SOAP Sender fault, HTTP 4xx,
 * an ack with accepted=false, an ack the hub cannot read), or the hub cannot produce a sendable message (the
 * message fails the XSD, the signature cannot be made). Goes to the dead letters for an operator, without
 * retries. The code is {@link ProblemCode#VALIDATION_FAILED} for a refusal and for an invalid message, and
 * {@link ProblemCode#INTERNAL_ERROR} for a fault of the hub's own. The detail holds ids and HTTP/fault codes only.
 */
public class PermanentDeliveryException extends HubException {

    public PermanentDeliveryException(ProblemCode code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
