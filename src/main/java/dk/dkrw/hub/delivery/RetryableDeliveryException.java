package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

/**
 * The status update may not have arrived, and the same message may well be accepted later: no connection, reset,
 * timeout, HTTP 5xx (503 included), 408, 429, or a SOAP Receiver fault. Redeliver with backoff; the Danish side
 * de-duplicates on the statusUpdateId. Always {@link ProblemCode#UNAVAILABLE}. The detail holds ids and
 * HTTP/fault codes only.
 */
public class RetryableDeliveryException extends HubException {

    public RetryableDeliveryException(String detail, Throwable cause) {
        super(ProblemCode.UNAVAILABLE, detail, cause);
    }
}
