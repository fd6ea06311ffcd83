package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeIds;
import dk.dkrw.hub.signature.PemFiles;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.jaxws.ServiceImpl;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http.HTTPConduit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * Delivers one status update to the Danish case-status endpoint: a SOAP 1.2 DeliverStatusUpdate call
 * (dk-status-service-1.wsdl) over mutual TLS, signed by the hub with WS-Security, the statusUpdateId also in a
 * {@code dkrw:MessageId} header for de-duplication. Returns a {@link DeliveryResult} for an acknowledgement and
 * throws {@link RetryableDeliveryException} or {@link PermanentDeliveryException} otherwise (see
 * {@link FailureClassifier}). Before anything is sent the message is checked against the XSD and its
 * statusUpdateId against the one given.
 *
 * <p>One CXF {@link Dispatch} on a private CXF bus serves every call. It is safe to share between threads
 * because the request context is switched to CXF's thread-local mode (the per-call MessageId header lives
 * there) and CXF keeps response contexts per thread; the conduit's TLS and timeout settings and the signing
 * interceptor are fixed at construction. Connections are kept alive and reused ({@link WholeAnswerReader}).
 * Close the client when the application stops.
 */
public final class StatusUpdateClient implements AutoCloseable {

    static final String SERVICE_NS = "urn:dkrw-hub:dk-status-service:1";
    static final QName SERVICE = new QName(SERVICE_NS, "StatusUpdateService");
    static final QName PORT = new QName(SERVICE_NS, "StatusUpdatePort");
    static final QName MESSAGE_ID = new QName(EventToStatusUpdateMapper.NAMESPACE, "MessageId", "dkrw");
    static final String SOAP_ACTION = SERVICE_NS + ":DeliverStatusUpdate";
    private static final String WSDL = "schemas/dk-status-service-1.wsdl";

    private final StatusUpdateSchema schema;
    private final Bus bus;
    private final Dispatch<Source> dispatch;

    public StatusUpdateClient(StatusEndpointSettings settings, PrivateKey signingKey,
                              X509Certificate signingCertificate, StatusUpdateSchema schema) {
        this.schema = schema;
        URL wsdl = StatusUpdateClient.class.getClassLoader().getResource(WSDL);
        if (wsdl == null) {
            throw new IllegalStateException("WSDL not on class path: " + WSDL);
        }
        // a bus of its own, never made the JVM's default: bus-wide features configured elsewhere (payload logging,
        // say) must not reach these messages, and closing this client must not affect other CXF users
        ExtensionManagerBus privateBus = new ExtensionManagerBus();
        privateBus.initialize();
        this.bus = privateBus;
        try {
            this.dispatch = new ServiceImpl(bus, wsdl, SERVICE, null)
                    .createDispatch(PORT, Source.class, Service.Mode.PAYLOAD);
            configure(((DispatchImpl<?>) dispatch).getClient(), settings, signingKey, signingCertificate);
        } catch (RuntimeException e) {
            bus.shutdown(false);
            throw e;
        }
    }

    private void configure(Client client, StatusEndpointSettings settings, PrivateKey signingKey,
                           X509Certificate signingCertificate) {
        String address = settings.url().toString();
        client.getEndpoint().getEndpointInfo().setAddress(address);
        Map<String, Object> shared = dispatch.getRequestContext();
        shared.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        shared.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        shared.put(BindingProvider.SOAPACTION_URI_PROPERTY, SOAP_ACTION);
        // CXF would log every failed call with its stack trace and an excerpt of the answer (which may name the
        // person); FailureClassifier turns each failure into a coded exception the route records instead
        shared.put(FaultListener.class.getName(), (FaultListener) (exception, description, message) -> false);
        // from here on every thread gets its own copy of the settings above
        shared.put("thread.local.request.context", "true");
        client.getOutInterceptors().add(WsSecuritySigning.interceptor(signingKey, signingCertificate));
        client.getInInterceptors().add(new WholeAnswerReader());
        EndpointTls.configure((HTTPConduit) client.getConduit(), settings);
    }

    /** The hub's signing certificate and key from PEM files, and the schema from the class path. */
    public static StatusUpdateClient create(StatusEndpointSettings settings, Path signingCertificate,
                                            Path signingKey) {
        return new StatusUpdateClient(settings, PemFiles.readPrivateKey(signingKey),
                PemFiles.readCertificate(signingCertificate), StatusUpdateSchema.load());
    }

    public DeliveryResult deliver(String statusUpdateXml, String statusUpdateId) {
        if (!SafeIds.isUuid(statusUpdateId)) {
            throw new PermanentDeliveryException(ProblemCode.VALIDATION_FAILED,
                    "status update id " + SafeIds.uuidOrMarker(statusUpdateId) + " is not a UUID", null);
        }
        Document message = validMessage(statusUpdateXml, statusUpdateId);
        dispatch.getRequestContext().put(Header.HEADER_LIST, List.of(messageIdHeader(statusUpdateId)));
        dispatch.getResponseContext().clear();
        Source response;
        try {
            response = dispatch.invoke(new DOMSource(message));
        } catch (WebServiceException e) {
            throw FailureClassifier.classify(statusUpdateId, e, httpStatus());
        }
        return StatusUpdateAck.read(response, statusUpdateId, schema, httpStatus());
    }

    @Override
    public void close() throws IOException {
        try {
            ((DispatchImpl<?>) dispatch).close();
        } finally {
            bus.shutdown(false);
        }
    }

    private Document validMessage(String xml, String statusUpdateId) {
        Document message;
        try {
            message = schema.parseValid(xml);
        } catch (HubException e) {
            throw new PermanentDeliveryException(ProblemCode.VALIDATION_FAILED,
                    "status update " + statusUpdateId + " is not valid against dk-status-update-1.xsd", e);
        }
        Element root = message.getDocumentElement();
        if (!"StatusUpdate".equals(root.getLocalName())
                || !statusUpdateId.equalsIgnoreCase(StatusUpdateAck.childText(root, "statusUpdateId"))) {
            throw new PermanentDeliveryException(ProblemCode.VALIDATION_FAILED,
                    "status update " + statusUpdateId + ": the message carries another id or is no StatusUpdate",
                    null);
        }
        return message;
    }

    private static Header messageIdHeader(String statusUpdateId) {
        Document document = DOMUtils.createDocument();
        Element element = document.createElementNS(MESSAGE_ID.getNamespaceURI(), "dkrw:MessageId");
        element.setTextContent(statusUpdateId);
        Header header = new Header(MESSAGE_ID, element);
        header.setDirection(Header.Direction.DIRECTION_OUT);
        return header;
    }

    private Integer httpStatus() {
        Object status = dispatch.getResponseContext().get(MessageContext.HTTP_RESPONSE_CODE);
        return status instanceof Integer code ? code : null;
    }
}
