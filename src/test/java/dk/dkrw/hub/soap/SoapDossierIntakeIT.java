package dk.dkrw.hub.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.TrustAnchors;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.jaxws.ServiceImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.TransformerFactory;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * SOAP 1.2 intake at /ws/dossiers end to end: real mutual TLS, real CXF, the same intake route, store, audit
 * and case stage as REST.
 */
class SoapDossierIntakeIT extends HubIT {

    private static final CmsVerifier CA_VERIFIER = new CmsVerifier(
            TrustAnchors.load(List.of(DevPki.cert("ca")), List.of()), Duration.ofMinutes(5), Clock.systemUTC());

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    PartnerClient agency;
    SoapSender soap;

    @BeforeEach
    void clients() {
        agency = new PartnerClient("dk-dis", port);
        soap = new SoapSender(agency);
    }

    static byte[] fresh() {
        return Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Asserts a fault with the code, and that nothing of the document was stored. */
    SoapSender.Answer refused(SoapSender.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.isFault()).isTrue();
        assertThat(answer.faultCode()).isEqualTo(code);
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at dk.dkrw").doesNotContain("at org.");
        return answer;
    }

    @Test
    void acceptsASignedDossierAndAnswersWithTheSignedReceipt() {
        byte[] dossier = fresh();
        String dossierId = Dossiers.dossierId(dossier);
        SoapSender.Answer answer = soap.submit(dossier, SoapSender.sign("dk-dis", dossier));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.bodyChild().getLocalName()).isEqualTo("submitDossierResponse");
        assertThat(answer.field("created")).isEqualTo("true");
        byte[] signedReceipt = answer.signedReceipt();
        assertThat(CA_VERIFIER.verify(signedReceipt, answer.field("receiptSignature")).signerSubject())
                .contains("CN=hub");
        JsonNode receipt = answer.receipt();
        assertThat(receipt.path("dossierId").asText()).isEqualTo(dossierId).isEqualTo(answer.field("dossierId"));
        assertThat(receipt.path("sha256").asText()).isEqualTo(Samples.sha256(SoapSender.signedBytes(dossier)));
        assertThat(answer.field("caseId")).isEqualTo(receipt.path("caseId").asText());
        assertThat(jdbc.queryForObject("select channel from dossier_version where dossier_id = ?", String.class,
                dossierId)).isEqualTo("SOAP");
        // the stored bytes are exactly the signed canonical JSON: provenance verifies later without the XML
        byte[] stored = jdbc.queryForObject("select body from dossier_version where dossier_id = ?", byte[].class,
                dossierId);
        assertThat(stored).isEqualTo(SoapSender.signedBytes(dossier));
        String caseId = receipt.path("caseId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from case_feed where case_id = ?", caseId) == 1);
    }

    @Test
    void aCxfClientWithTheCmsHeaderIsAcceptedAndARepeatGetsTheOriginalReceipt() throws Exception {
        byte[] dossier = fresh();
        ExtensionManagerBus bus = new ExtensionManagerBus();
        bus.initialize();
        try {
            Dispatch<Source> dispatch = cxfClient(bus);
            Element header = SafeXml.parse("<dossierSignature xmlns=\"" + DossierXmlMapper.NAMESPACE + "\">"
                    + SoapSender.sign("dk-dis", dossier) + "</dossierSignature>").getDocumentElement();
            dispatch.getRequestContext().put(Header.HEADER_LIST,
                    List.of(new Header(SoapDossierEndpoint.SIGNATURE_HEADER, header)));
            Document request = SafeXml.parse("<submitDossier xmlns=\"" + DossierXmlMapper.NAMESPACE + "\">"
                    + soap.dossierXml(dossier) + "</submitDossier>");

            Element first = element(dispatch.invoke(new DOMSource(request)));
            Element second = element(dispatch.invoke(new DOMSource(request)));

            assertThat(text(first, "created")).isEqualTo("true");
            assertThat(text(second, "created")).isEqualTo("false");
            assertThat(text(second, "signedReceipt")).isEqualTo(text(first, "signedReceipt"));
            assertThat(text(second, "receiptSignature")).isEqualTo(text(first, "receiptSignature"));
            CA_VERIFIER.verify(Base64.getDecoder().decode(text(first, "signedReceipt")),
                    text(first, "receiptSignature"));

            // a tampered body: the client signs one dossier and sends another
            ObjectNode tampered = (ObjectNode) Dossiers.read(dossier);
            tampered.put("dkCaseNo", "TAMPERED-1");
            Document altered = SafeXml.parse("<submitDossier xmlns=\"" + DossierXmlMapper.NAMESPACE + "\">"
                    + new DossierXmlMapper().toXml(tampered) + "</submitDossier>");
            assertThatThrownBy(() -> dispatch.invoke(new DOMSource(altered)))
                    .isInstanceOfSatisfying(SOAPFaultException.class, fault -> {
                        assertThat(fault.getFault().getFaultSubcodes().next())
                                .isEqualTo(new QName(SoapProblems.PROBLEM_NAMESPACE, "signature-invalid"));
                    });
        } finally {
            bus.shutdown(false);
        }
    }

    private Dispatch<Source> cxfClient(ExtensionManagerBus bus) {
        URL wsdl = getClass().getClassLoader().getResource("schemas/dk-dossier-service-1.wsdl");
        QName service = new QName(SoapDossierEndpoint.SERVICE_NAMESPACE, "DossierService");
        QName portName = new QName(SoapDossierEndpoint.SERVICE_NAMESPACE, "DossierPort");
        Dispatch<Source> dispatch = new ServiceImpl(bus, wsdl, service, null)
                .createDispatch(portName, Source.class, Service.Mode.PAYLOAD);
        dispatch.getRequestContext().put(jakarta.xml.ws.BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                "https://localhost:" + port + "/ws/dossiers");
        dispatch.getRequestContext().put("org.apache.cxf.transport.process_fault_on_http_400", true);
        HTTPConduit conduit = (HTTPConduit) ((DispatchImpl<?>) dispatch).getClient().getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(DevPki.clientTls("dk-dis"));
        conduit.setTlsClientParameters(tls);
        return dispatch;
    }

    private static Element element(Source source) throws Exception {
        DOMResult result = new DOMResult();
        TransformerFactory.newInstance().newTransformer().transform(source, result);
        Document document = (Document) result.getNode();
        return document.getDocumentElement();
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(DossierXmlMapper.NAMESPACE, name).item(0).getTextContent();
    }

    @Test
    void rejectsATamperedBodyWithSignatureInvalidAndKeepsNothing() {
        byte[] dossier = fresh();
        String signature = SoapSender.sign("dk-dis", dossier);
        String xml = soap.dossierXml(dossier).replace("<dkCaseNo>", "<dkCaseNo>9");
        SoapSender.Answer answer = refused(soap.post(SoapSender.envelope(xml, signature)), 400,
                "signature-invalid");
        assertThat(answer.faultRole()).isEqualTo("Sender");
        String dossierId = Dossiers.dossierId(dossier);
        assertThat(count("select count(*) from dossier_version where dossier_id = ?", dossierId)).isZero();
        assertThat(count("select count(*) from audit_entry where kind = 'DOSSIER_REJECTED' and cause = ? "
                + "and detail = 'channel SOAP'", "signature-invalid")).isPositive();
    }

    @Test
    void servesASignatureHeaderMarkedMustUnderstand() {
        byte[] dossier = fresh();
        String envelope = SoapSender.envelope(soap.dossierXml(dossier), SoapSender.sign("dk-dis", dossier))
                .replace("<dd:dossierSignature ", "<dd:dossierSignature soap:mustUnderstand=\"true\" ");
        SoapSender.Answer answer = soap.post(envelope);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.field("created")).isEqualTo("true");
    }

    @Test
    void refusesAnUnknownMustUnderstandHeaderAndASoap11EnvelopeAsMalformed() {
        byte[] dossier = fresh();
        String signature = SoapSender.sign("dk-dis", dossier);
        String unknown = SoapSender.envelope(soap.dossierXml(dossier), signature).replace("<soap:Header>",
                "<soap:Header><x:other xmlns:x=\"urn:other\" soap:mustUnderstand=\"true\">1</x:other>");
        refused(soap.post(unknown), 400, "malformed-body");
        String soap11 = SoapSender.envelope(soap.dossierXml(dossier), signature)
                .replace(SoapSender.SOAP12, "http://schemas.xmlsoap.org/soap/envelope/");
        SoapSender.Answer answer = soap.post(soap11);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.text()).contains("urn:dkrw-hub:problem:malformed-body").doesNotContain("receipt");
        assertThat(count("select count(*) from dossier_version where dossier_id = ?", Dossiers.dossierId(dossier)))
                .isZero();
    }

    @Test
    void rejectsAMissingSignatureHeaderWithSignatureMissing() {
        refused(soap.submit(fresh(), null), 400, "signature-missing");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "untrusted, signer-untrusted", "dk-dis-expired, certificate-expired",
            "dk-dis-revoked, certificate-revoked", "future:dk-dis, signing-time-skew"})
    void rejectsEachSignerFailureWithTheRestCode(String signer, String code) {
        byte[] dossier = fresh();
        byte[] signed = SoapSender.signedBytes(dossier);
        String signature = signer.startsWith("future:")
                ? DevPki.futureSigner(signer.substring("future:".length())).signBase64(signed)
                : DevPki.signer(signer).signBase64(signed);
        refused(soap.submit(dossier, signature), 400, code);
        assertThat(count("select count(*) from audit_entry where kind = 'DOSSIER_REJECTED' and cause = ? "
                + "and subject_sha256 = ?", code, Samples.sha256(signed))).isEqualTo(1);
    }

    @Test
    void rejectsASignerOfAnotherPartyThanTheTlsClient() {
        byte[] dossier = fresh();
        refused(soap.submit(dossier, SoapSender.sign("dk-hjr", dossier)), 400, "party-mismatch");
    }

    static Stream<Path> invalidSamples() throws IOException {
        return Files.list(Path.of("samples/dossiers/invalid")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("invalidSamples")
    void rejectsEveryInvalidSampleWithTheSameCodeAndPointersAsRest(Path sample) {
        byte[] passport = Samples.attachment("passport-scan.pdf");
        byte[] medical = Samples.attachment("medical-report.pdf");
        assertThat(agency.putAttachment(Samples.sha256(passport), passport).statusCode()).isIn(200, 201);
        assertThat(agency.putAttachment(Samples.sha256(medical), medical).statusCode()).isIn(200, 201);
        byte[] dossier = Samples.read(sample);

        HttpResponse<byte[]> rest = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));
        JsonNode problem = Dossiers.read(rest.body());
        String restCode = problem.path("type").asText().replace("urn:dkrw-hub:problem:", "");
        SoapSender.Answer answer = refused(soap.submit(dossier, SoapSender.sign("dk-dis", dossier)), 400, restCode);

        assertThat(answer.pointers()).containsExactlyElementsOf(problem.path("errors").findValuesAsText("pointer"));
        String dossierId = Dossiers.read(dossier).path("dossierId").asText();
        if (!dossierId.isEmpty()) {
            assertThat(count("select count(*) from dossier_version where dossier_id = ?", dossierId)).isZero();
        }
    }

    @Test
    void theSameDossierOverRestThenSoapMakesOneCaseAndSoapGetsTheOriginalReceipt() {
        byte[] dossier = fresh();
        String dossierId = Dossiers.dossierId(dossier);
        HttpResponse<byte[]> rest = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));
        assertThat(rest.statusCode()).isEqualTo(202);

        SoapSender.Answer answer = soap.submit(dossier, SoapSender.sign("dk-dis", dossier));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.field("created")).isEqualTo("false");
        assertThat(answer.signedReceipt()).isEqualTo(rest.body());
        assertThat(answer.field("receiptSignature")).isEqualTo(rest.headers().firstValue("X-Receipt-Signature")
                .orElseThrow());
        assertThat(count("select count(*) from dossier_version where dossier_id = ?", dossierId)).isEqualTo(1);
        assertThat(count("select count(*) from dossier where dossier_id = ?", dossierId)).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where dossier_id = ? and kind = 'DOSSIER_DUPLICATE'",
                dossierId)).isEqualTo(1);
        String caseId = Dossiers.read(rest.body()).path("caseId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from case_record where dossier_id = ?", dossierId) == 1);
        assertThat(count("select count(*) from case_feed where case_id = ?", caseId)).isEqualTo(1);
    }

    @Test
    void theSameDossierOverSoapThenRestGetsTheOriginalReceiptOverRest() {
        byte[] dossier = fresh();
        SoapSender.Answer first = soap.submit(dossier, SoapSender.sign("dk-dis", dossier));
        assertThat(first.field("created")).isEqualTo("true");

        HttpResponse<byte[]> rest = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));

        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(rest.body()).isEqualTo(first.signedReceipt());
    }

    @Test
    void otherContentUnderTheSameIdAndVersionOverSoapIsAConflict() {
        byte[] dossier = fresh();
        assertThat(agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier)).statusCode())
                .isEqualTo(202);
        byte[] other = new String(dossier, StandardCharsets.UTF_8).replace("\"createdAt\": \"2026-",
                "\"createdAt\": \"2025-").getBytes(StandardCharsets.UTF_8);
        refused(soap.submit(other, SoapSender.sign("dk-dis", other)), 400, "conflict");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        long before = count("select count(*) from dossier_version");
        String envelope = "<?xml version=\"1.0\"?><!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + SoapSender.envelope(soap.dossierXml(fresh()).replace("<dkCaseNo>", "<dkCaseNo>&xxe;"), "AAAA")
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
        SoapSender.Answer answer = refused(soap.post(envelope), 400, "malformed-body");
        assertThat(answer.text()).doesNotContain("root:");
        assertThat(count("select count(*) from dossier_version")).isEqualTo(before);
        // audited like a refusal of the intake route: party, cause and the hash of the bytes received
        assertThat(count("select count(*) from audit_entry where kind = 'DOSSIER_REJECTED' and cause = ? "
                + "and party_id = 'dk-dis' and subject_sha256 = ? and detail = 'channel SOAP'", "malformed-body",
                Samples.sha256(envelope.getBytes(StandardCharsets.UTF_8)))).isEqualTo(1);
    }

    @Test
    void refusesBillionLaughs() {
        long before = count("select count(*) from dossier_version");
        StringBuilder dtd = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String envelope = "<?xml version=\"1.0\"?>" + dtd
                + SoapSender.envelope(soap.dossierXml(fresh()).replace("<dkCaseNo>", "<dkCaseNo>&lol9;"), "AAAA")
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
        refused(soap.post(envelope), 400, "malformed-body");
        assertThat(count("select count(*) from dossier_version")).isEqualTo(before);
    }

    @Test
    void refusesADossierNestedTooDeep() {
        long before = count("select count(*) from dossier_version");
        String deep = "<criminalRecordNote>".repeat(200) + "x" + "</criminalRecordNote>".repeat(200);
        String xml = soap.dossierXml(fresh()).replace("</dossier>", deep + "</dossier>");
        refused(soap.post(SoapSender.envelope(xml, "AAAA")), 400, "malformed-body");
        assertThat(count("select count(*) from dossier_version")).isEqualTo(before);
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        long before = count("select count(*) from dossier_version");
        String padding = " ".repeat(10 * 1024 * 1024 + 1);
        String envelope = SoapSender.envelope(soap.dossierXml(fresh()).replace("</dossier>", padding + "</dossier>"),
                "AAAA");
        refused(soap.post(envelope), 413, "payload-too-large");
        assertThat(count("select count(*) from dossier_version")).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedTextNode() {
        String xml = soap.dossierXml(fresh()).replace("<dkCaseNo>", "<dkCaseNo>" + "x".repeat(1_000_001));
        refused(soap.post(SoapSender.envelope(xml, "AAAA")), 400, "malformed-body");
    }

    @Test
    void refusesAnUnregisteredClientCertificateWithASoapFault() {
        SoapSender stranger = new SoapSender(new PartnerClient("dk-dis-revoked", port));
        SoapSender.Answer answer = stranger.submit(fresh(), "AAAA");
        assertThat(answer.status()).as(answer.text()).isEqualTo(403);
        assertThat(answer.faultCode()).isEqualTo("forbidden");
    }

    @Test
    void servesItsWsdlAndAnswersOnlyOnThePartnerPort() {
        HttpResponse<byte[]> wsdl = agency.get("/ws/dossiers?wsdl");
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(new String(wsdl.body(), StandardCharsets.UTF_8)).contains("submitDossier");
        assertThat(new String(agency.get("/ws/").body(), StandardCharsets.UTF_8)).doesNotContain("dossiers");
    }
}
