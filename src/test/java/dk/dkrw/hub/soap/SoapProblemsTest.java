package dk.dkrw.hub.soap;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SoapProblemsTest {

    @Test
    void aRefusalIsASenderFaultWithTheProblemCodeAsSubcodeAndTheProblemAsDetail() {
        HubException refusal = new HubException(ProblemCode.VALIDATION_FAILED, "1 violation(s) of dk-dossier/1",
                List.of(new Violation("/persons/0/role", "rule 11: exactly one PRINCIPAL")));

        SoapFault fault = SoapProblems.fault(refusal);

        assertThat(fault.getFaultCode()).isEqualTo(Soap12.getInstance().getSender());
        assertThat(fault.getSubCode()).isEqualTo(new QName("urn:dkrw-hub:problem", "validation-failed"));
        assertThat(fault.getStatusCode()).isEqualTo(400);
        assertThat(fault.getMessage()).isEqualTo("Validation failed");
        Element problem = (Element) fault.getDetail().getFirstChild();
        assertThat(problem.getLocalName()).isEqualTo("problem");
        assertThat(text(problem, "type")).isEqualTo("urn:dkrw-hub:problem:validation-failed");
        assertThat(text(problem, "status")).isEqualTo("422");
        assertThat(text(problem, "pointer")).isEqualTo("/persons/0/role");
        assertThat(SoapProblems.isProblemFault(fault)).isTrue();
    }

    @Test
    void theHubsOwnFailureIsAReceiverFaultAndATooLargeBodyA413() {
        assertThat(SoapProblems.fault(new HubException(ProblemCode.INTERNAL_ERROR, "x")).getFaultCode())
                .isEqualTo(Soap12.getInstance().getReceiver());
        assertThat(SoapProblems.fault(new HubException(ProblemCode.INTERNAL_ERROR, "x")).getStatusCode())
                .isEqualTo(500);
        assertThat(SoapProblems.fault(new HubException(ProblemCode.PAYLOAD_TOO_LARGE, "x")).getStatusCode())
                .isEqualTo(413);
    }

    @Test
    void findsTheCodedRefusalInsideCxfsWrapping() {
        HubException refusal = new HubException(ProblemCode.SIGNATURE_INVALID, "digest");
        assertThat(SoapProblems.classify(new Fault(new RuntimeException(refusal)))).isSameAs(refusal);
    }

    @Test
    void aParserRefusalIsMalformedBodyAndNeverQuotesTheParserMessage() {
        HubException classified = SoapProblems.classify(new Fault(
                new XMLStreamException("Unexpected character near 'Nambajimana'")));
        assertThat(classified.code()).isEqualTo(ProblemCode.MALFORMED_BODY);
        assertThat(classified.detail()).doesNotContain("Nambajimana");
        assertThat(SoapProblems.classify(new SoapFault("DTD", Soap12.getInstance().getSender())).code())
                .isEqualTo(ProblemCode.MALFORMED_BODY);
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutItsMessage() {
        HubException classified = SoapProblems.classify(new IllegalStateException("secret detail"));
        assertThat(classified.code()).isEqualTo(ProblemCode.INTERNAL_ERROR);
        assertThat(classified.detail()).doesNotContain("secret");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(DossierXmlMapper.NAMESPACE, name).item(0).getTextContent();
    }
}
