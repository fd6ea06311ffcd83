package dk.dkrw.hub.soap;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import java.util.List;

/**
 * Turns any failure of a SOAP call into the contract's SOAP 1.2 fault: Code {@code Sender} for a refused
 * document (HTTP 400, or 413 for a body over the limit), {@code Receiver} for the hub's own failure (HTTP 500),
 * Subcode {@code p:<code>} in {@value #PROBLEM_NAMESPACE}, Reason the problem title, and the REST problem as the
 * detail. Nothing of the failure's own message reaches the fault unless it is a {@link HubException}, whose
 * detail holds ids and codes only; parser messages (which may quote the document) never do.
 */
public final class SoapProblems {

    public static final String PROBLEM_NAMESPACE = "urn:dkrw-hub:problem";
    static final String FAULT_PREFIX = "p";

    private SoapProblems() {
    }

    /** The coded failure behind {@code failure}: a HubException in its causes, else malformed XML, else internal. */
    public static HubException classify(Throwable failure) {
        boolean xml = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HubException coded) {
                return coded;
            }
            xml |= cause instanceof XMLStreamException || cause instanceof org.xml.sax.SAXException
                    || cause.getClass().getName().startsWith("com.ctc.wstx.");
        }
        if (xml || isCxfReadFailure(failure)) {
            return new HubException(ProblemCode.MALFORMED_BODY, "the body is not an acceptable SOAP 1.2 message "
                    + "(DTDs, entities and documents over the XML limits are refused)");
        }
        return new HubException(ProblemCode.INTERNAL_ERROR, "the hub could not process the request");
    }

    /**
     * CXF's own refusals of the envelope (not SOAP 1.2, a header it must but cannot understand, no body
     * element) carry no XML exception as cause; they are refusals of the sender's message all the same.
     */
    private static boolean isCxfReadFailure(Throwable failure) {
        if (!(failure instanceof SoapFault fault) || fault.getFaultCode() == null) {
            return false;
        }
        String code = fault.getFaultCode().getLocalPart();
        return "Sender".equals(code) || "Client".equals(code) || "VersionMismatch".equals(code)
                || "MustUnderstand".equals(code);
    }

    public static boolean isProblemFault(Throwable failure) {
        return failure instanceof SoapFault fault && fault.getSubCode() != null
                && PROBLEM_NAMESPACE.equals(fault.getSubCode().getNamespaceURI());
    }

    public static int httpStatus(ProblemCode code) {
        if (code == ProblemCode.PAYLOAD_TOO_LARGE) {
            return 413;
        }
        return code.status() >= 500 ? 500 : 400;
    }

    public static SoapFault fault(HubException failure) {
        ProblemCode code = failure.code();
        QName faultCode = code.status() >= 500 ? Soap12.getInstance().getReceiver() : Soap12.getInstance().getSender();
        SoapFault fault = new SoapFault(code.title(), faultCode);
        fault.setSubCode(new QName(PROBLEM_NAMESPACE, code.code(), FAULT_PREFIX));
        fault.setStatusCode(httpStatus(code));
        Element detail = fault.getOrCreateDetail();
        detail.appendChild(problem(detail.getOwnerDocument(), failure));
        return fault;
    }

    /**
     * The fault as a whole SOAP 1.2 envelope, for refusals made before CXF sees the request (the partner
     * filter's transport refusals on {@code /ws}).
     */
    public static byte[] envelope(HubException failure) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            String env = Soap12.SOAP_NAMESPACE;
            Element envelope = document.createElementNS(env, "env:Envelope");
            document.appendChild(envelope);
            Element fault = child(child(envelope, env, "env:Body"), env, "env:Fault");
            Element code = child(fault, env, "env:Code");
            ProblemCode problemCode = failure.code();
            child(code, env, "env:Value").setTextContent(problemCode.status() >= 500 ? "env:Receiver" : "env:Sender");
            Element subcodeValue = child(child(code, env, "env:Subcode"), env, "env:Value");
            subcodeValue.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + FAULT_PREFIX, PROBLEM_NAMESPACE);
            subcodeValue.setTextContent(FAULT_PREFIX + ":" + problemCode.code());
            Element text = child(child(fault, env, "env:Reason"), env, "env:Text");
            text.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
            text.setTextContent(problemCode.title());
            child(fault, env, "env:Detail").appendChild(problem(document, failure));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("SOAP fault could not be written", e);
        }
    }

    private static Element child(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static Element problem(Document document, HubException failure) {
        String ns = DossierXmlMapper.NAMESPACE;
        Element problem = document.createElementNS(ns, "problem");
        ProblemCode code = failure.code();
        append(problem, "type", code.type().toString());
        append(problem, "title", code.title());
        append(problem, "status", Integer.toString(code.status()));
        if (failure.detail() != null) {
            append(problem, "detail", failure.detail());
        }
        List<Violation> violations = failure.violations();
        if (!violations.isEmpty()) {
            Element errors = append(problem, "errors", null);
            for (Violation violation : violations) {
                Element error = append(errors, "error", null);
                append(error, "pointer", violation.pointer());
                append(error, "message", violation.message());
            }
        }
        return problem;
    }

    private static Element append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(DossierXmlMapper.NAMESPACE, name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }
}
