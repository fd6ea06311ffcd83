package dk.dkrw.hub.soap;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;

import javax.xml.namespace.QName;
import java.util.Set;

/**
 * The envelope rules of the dossier service: SOAP 1.2 only (CXF would also serve SOAP 1.1 on the same
 * address; the contract and the WSDL promise 1.2, and one envelope version means one fault format), and the
 * {@code dossierSignature} header declared understood, so that a sender marking it
 * {@code mustUnderstand="true"} is served ({@link SoapDossierEndpoint} reads it).
 */
final class DossierEnvelopeInterceptor extends AbstractSoapInterceptor {

    DossierEnvelopeInterceptor() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SoapDossierEndpoint.SIGNATURE_HEADER);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getVersion() != Soap12.getInstance()) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "only SOAP 1.2 envelopes are accepted");
        }
    }
}
