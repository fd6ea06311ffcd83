package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Pattern;

/**
 * Decides whether a failed delivery is worth repeating. The rule: <em>retryable</em> when the same message may
 * be accepted later without anyone changing it (no answer at all, a timeout, HTTP 5xx, 408 or 429, a SOAP
 * Receiver fault); <em>permanent</em> when the Danish side answered and refused this message (SOAP Sender or
 * any other fault code, HTTP 4xx, an answer that is no acknowledgement or too large to be one), or when the hub
 * itself failed before anything was sent. Transport failures without an answer (refused, reset, TLS handshake)
 * count as retryable: they say nothing about the message, and the dead-letter list catches them once retries
 * run out.
 *
 * <p>A SOAP fault is taken as the Danish side's only when an HTTP answer came back and CXF read a fault from it:
 * CXF reports its own failures (a signing error, an HTML error page it cannot parse) as SOAP faults too.
 *
 * <p>When the Danish side answered, the CXF exception is <em>not</em> kept as the cause: its message quotes the
 * answer (a fault reason, an HTML excerpt), which may name the person. The detail says what happened in ids and
 * codes; transport failures and the hub's own failures keep their cause, whose messages are local.
 */
final class FailureClassifier {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private FailureClassifier() {
    }

    static HubException classify(String id, WebServiceException failure, Integer httpStatus) {
        if (find(failure, WholeAnswerReader.TooLarge.class) != null) {
            return new PermanentDeliveryException(ProblemCode.VALIDATION_FAILED, "status update " + id
                    + ": the answer of the Danish endpoint is larger than " + WholeAnswerReader.MAX_ANSWER_BYTES
                    + " bytes", null);
        }
        HTTPException http = find(failure, HTTPException.class);
        Integer status = http != null ? Integer.valueOf(http.getResponseCode()) : httpStatus;
        if (status != null && status > 0) {
            if (failure instanceof SOAPFaultException soap && soap.getCause() instanceof SoapFault) {
                return soapFault(id, soap, status);
            }
            return byStatus(id, status);
        }
        if (find(failure, IOException.class) != null) {
            return new RetryableDeliveryException("status update " + id + ": no answer from the Danish endpoint ("
                    + transportProblem(failure) + ")", failure);
        }
        return new PermanentDeliveryException(ProblemCode.INTERNAL_ERROR,
                "status update " + id + " could not be sent: the hub failed to build the request", failure);
    }

    private static HubException soapFault(String id, SOAPFaultException soap, int status) {
        SOAPFault fault = soap.getFault();
        String code = fault == null || fault.getFaultCodeAsQName() == null
                ? "unknown" : fault.getFaultCodeAsQName().getLocalPart();
        String detail = "status update " + id + ": SOAP fault " + safe(code) + " (HTTP " + status
                + detailCode(fault) + ") from the Danish endpoint";
        if ("Receiver".equals(code) || "Server".equals(code)) {
            return new RetryableDeliveryException(detail, null);
        }
        return new PermanentDeliveryException(ProblemCode.VALIDATION_FAILED, detail, null);
    }

    private static HubException byStatus(String id, int status) {
        if (status >= 500 || status == 408 || status == 429) {
            return new RetryableDeliveryException(
                    "status update " + id + ": HTTP " + status + " from the Danish endpoint", null);
        }
        String what = status >= 400 ? "HTTP " + status : "HTTP " + status + " without an acknowledgement";
        return new PermanentDeliveryException(ProblemCode.VALIDATION_FAILED,
                "status update " + id + ": " + what + " from the Danish endpoint", null);
    }

    private static String transportProblem(Throwable failure) {
        if (find(failure, ConnectException.class) != null) {
            return "connection refused";
        }
        if (find(failure, SocketTimeoutException.class) != null || find(failure, HttpTimeoutException.class) != null) {
            return "timeout";
        }
        if (find(failure, SSLException.class) != null) {
            return "TLS failure";
        }
        return "connection failed";
    }

    /** The Danish side's own code from the StatusUpdateFault detail, when it looks like a code. */
    private static String detailCode(SOAPFault fault) {
        Detail detail = fault == null ? null : fault.getDetail();
        if (detail == null) {
            return "";
        }
        for (Node child = detail.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "StatusUpdateFault".equals(element.getLocalName())) {
                for (Node part = element.getFirstChild(); part != null; part = part.getNextSibling()) {
                    if ("code".equals(part.getLocalName()) && TOKEN.matcher(part.getTextContent().strip()).matches()) {
                        return ", code " + part.getTextContent().strip();
                    }
                }
            }
        }
        return "";
    }

    private static String safe(String code) {
        return TOKEN.matcher(code).matches() ? code : "unknown";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable at = failure; at != null && depth++ < 16; at = at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }
}
