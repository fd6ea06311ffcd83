package dk.dkrw.hub.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.dossier.CanonicalJson;
import dk.dkrw.hub.intake.Channel;
import dk.dkrw.hub.intake.IntakeGateway;
import dk.dkrw.hub.intake.IntakeOutcome;
import dk.dkrw.hub.intake.Submission;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyAuthenticationFilter;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * SOAP channel adapter: {@code submitDossier} at {@code /ws/dossiers}. It only adapts the transport: the
 * dossier element becomes JSON by {@link DossierXmlMapper}, that JSON in RFC 8785 canonical form becomes the
 * submitted bytes (the {@code dossierSignature} header's CMS is over them), and the submission goes through
 * the same intake route as REST. Every refusal leaves as a contract fault ({@link ProblemFaultInterceptor}).
 */
@Component
@WebServiceProvider(serviceName = "DossierService", portName = "DossierPort",
        targetNamespace = SoapDossierEndpoint.SERVICE_NAMESPACE, wsdlLocation = "schemas/dk-dossier-service-1.wsdl")
@ServiceMode(Service.Mode.PAYLOAD)
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class SoapDossierEndpoint implements Provider<DOMSource> {

    public static final String SERVICE_NAMESPACE = "urn:dkrw-hub:dk-dossier-service:1";
    public static final QName SIGNATURE_HEADER = new QName(DossierXmlMapper.NAMESPACE, "dossierSignature");
    /** Set on the CXF message once the submission is handed to the intake route, which audits its own refusals. */
    static final String SUBMITTED = "dk.dkrw.hub.soap.submitted";
    private static final String NS = DossierXmlMapper.NAMESPACE;

    private final IntakeGateway intake;
    private final DossierXmlMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    public SoapDossierEndpoint(IntakeGateway intake, DossierXmlMapper mapper, ObjectMapper json, Clock clock) {
        this.intake = intake;
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        HttpServletRequest http = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        Party party = (Party) http.getAttribute(PartyAuthenticationFilter.PARTY);
        Element submit = element(request.getNode());
        if (submit == null || !NS.equals(submit.getNamespaceURI())
                || !"submitDossier".equals(submit.getLocalName())) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "the SOAP body must hold one submitDossier element");
        }
        Element dossier = onlyChild(submit);
        byte[] body = CanonicalJson.bytes(mapper.toJson(dossier));
        Submission submission = new Submission(Channel.SOAP, party, body, signatureHeader(message),
                clock.instant(), Sha256.hex(body));
        message.put(SUBMITTED, Boolean.TRUE);
        IntakeOutcome outcome = intake.submit(submission);
        return new DOMSource(response(outcome));
    }

    private static Element element(Node node) {
        if (node instanceof Document document) {
            return document.getDocumentElement();
        }
        return node instanceof Element element ? element : null;
    }

    private static Element onlyChild(Element parent) {
        Element found = null;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                if (found != null) {
                    throw new HubException(ProblemCode.MALFORMED_BODY, "submitDossier holds exactly one dossier");
                }
                found = (Element) node;
            } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
                throw new HubException(ProblemCode.MALFORMED_BODY, "submitDossier holds exactly one dossier");
            }
        }
        return found;
    }

    /** The base64 text of the {@code dossierSignature} header, or null (then the route answers signature-missing). */
    @SuppressWarnings("unchecked")
    private static String signatureHeader(Message message) {
        List<Header> headers = (List<Header>) message.get(Header.HEADER_LIST);
        String found = null;
        for (Header header : headers == null ? List.<Header>of() : headers) {
            if (SIGNATURE_HEADER.equals(header.getName()) && header.getObject() instanceof Element element) {
                if (found != null) {
                    throw new HubException(ProblemCode.SIGNATURE_MISSING, "more than one dossierSignature header");
                }
                found = element.getTextContent().replaceAll("\\s", "");
            }
        }
        return found;
    }

    private Element response(IntakeOutcome outcome) {
        JsonNode receipt;
        try {
            receipt = json.readTree(outcome.receipt());
        } catch (IOException e) {
            throw new IllegalStateException("stored receipt is not JSON", e);
        }
        Document document = newDocument();
        Element response = document.createElementNS(NS, "submitDossierResponse");
        document.appendChild(response);
        append(response, "created", Boolean.toString(outcome.created()));
        Element fields = append(response, "receipt", null);
        for (String name : List.of("receiptId", "dossierId", "version", "sha256", "receivedAt", "caseId")) {
            append(fields, name, receipt.path(name).asText());
        }
        append(response, "signedReceipt", Base64.getEncoder().encodeToString(outcome.receipt()));
        append(response, "receiptSignature", outcome.receiptSignature());
        return response;
    }

    private static Element append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(NS, name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }
}
