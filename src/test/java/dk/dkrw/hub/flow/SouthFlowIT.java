package dk.dkrw.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.TrustAnchors;
import dk.dkrw.hub.signature.VerifiedSignature;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The south flow end to end: attachments and a signed dossier in, the signed minimised case out, acked. */
class SouthFlowIT extends HubIT {

    private static final CmsVerifier CA_VERIFIER = new CmsVerifier(
            TrustAnchors.load(List.of(DevPki.cert("ca")), List.of()), Duration.ofMinutes(5), Clock.systemUTC());

    @LocalServerPort
    int port;

    private PartnerClient agency;
    private PartnerClient kigali;

    @BeforeEach
    void clients() {
        agency = new PartnerClient("dk-dis", port);
        kigali = new PartnerClient("rw-kigali-office", port);
    }

    @Test
    void dossierTravelsFromAgencyToKigaliAndIsAcknowledged() {
        byte[] passport = Samples.attachment("passport-scan.pdf");
        byte[] medical = Samples.attachment("medical-report.pdf");
        assertThat(agency.putAttachment(Samples.sha256(passport), passport).statusCode()).isIn(200, 201);
        assertThat(agency.putAttachment(Samples.sha256(medical), medical).statusCode()).isIn(200, 201);
        assertThat(agency.putAttachment(Samples.sha256(passport), passport).statusCode()).isEqualTo(200);

        byte[] dossier = Dossiers.withNewId(Samples.validDossier("dk-dis-family.json"));
        String dossierId = Dossiers.dossierId(dossier);
        HttpResponse<byte[]> accepted = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));

        assertThat(accepted.statusCode()).as(new String(accepted.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        VerifiedSignature receiptSignature = CA_VERIFIER.verify(accepted.body(),
                accepted.headers().firstValue("X-Receipt-Signature").orElseThrow());
        assertThat(receiptSignature.signerSubject()).contains("CN=hub");
        JsonNode receipt = Dossiers.read(accepted.body());
        assertThat(receipt.path("dossierId").asText()).isEqualTo(dossierId);
        assertThat(receipt.path("version").asInt()).isEqualTo(1);
        assertThat(receipt.path("sha256").asText()).isEqualTo(Samples.sha256(dossier));
        assertThat(receipt.path("receiptId").asText()).isNotBlank();
        assertThat(receipt.path("receivedAt").asText()).endsWith("Z");
        String caseId = receipt.path("caseId").asText();
        assertThat(accepted.headers().firstValue("Location"))
                .hasValue("/api/v1/dossiers/" + dossierId + "/versions/1");

        JsonNode item = await().atMost(Duration.ofSeconds(20)).until(() -> feedItem(caseId), i -> i != null);
        assertThat(item.path("dossierId").asText()).isEqualTo(dossierId);
        assertThat(item.path("version").asInt()).isEqualTo(1);
        assertThat(status(dossierId)).isEqualTo("FORWARDED");

        HttpResponse<byte[]> pulled = kigali.get("/api/v1/cases/" + caseId);
        assertThat(pulled.statusCode()).isEqualTo(200);
        VerifiedSignature caseSignature = CA_VERIFIER.verify(pulled.body(),
                pulled.headers().firstValue("X-Case-Signature").orElseThrow());
        assertThat(caseSignature.signerSubject()).contains("CN=hub");
        assertThat(pulled.headers().firstValue("ETag")).hasValue("\"" + Samples.sha256(pulled.body()) + "\"");
        JsonNode rwCase = Dossiers.read(pulled.body());
        assertThat(rwCase.path("schemaVersion").asText()).isEqualTo("rw-case/1");
        assertThat(rwCase.path("caseId").asText()).isEqualTo(caseId);
        JsonNode provenance = rwCase.path("provenance");
        assertThat(provenance.path("dossierSha256").asText()).isEqualTo(Samples.sha256(dossier));
        assertThat(provenance.path("signerParty").asText()).isEqualTo("dk-dis");
        assertThat(provenance.path("receiptId").asText()).isEqualTo(receipt.path("receiptId").asText());
        assertThat(status(dossierId)).isEqualTo("PULLED");

        assertThat(rwCase.path("attachments")).hasSize(1);
        HttpResponse<byte[]> download = kigali.get("/api/v1/cases/" + caseId + "/attachments/att-passport");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(passport);
        assertThat(download.headers().firstValue("Digest")).isPresent();
        assertThat(kigali.get("/api/v1/cases/" + caseId + "/attachments/att-medical").statusCode())
                .isEqualTo(404);

        HttpResponse<byte[]> ack = kigali.post("/api/v1/cases/" + caseId + "/ack", "application/json",
                "{\"version\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(ack.statusCode()).isEqualTo(204);
        assertThat(kigali.post("/api/v1/cases/" + caseId + "/ack", "application/json",
                "{\"version\":1}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(204);
        assertThat(status(dossierId)).isEqualTo("ACKNOWLEDGED");
        JsonNode pending = Dossiers.read(kigali.get("/api/v1/cases?status=pending&limit=500").body());
        assertThat(pending.path("items").findValuesAsText("caseId")).doesNotContain(caseId);
    }

    @Test
    void higherVersionUpdatesTheCaseAndIsOfferedAgain() {
        byte[] v1 = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        HttpResponse<byte[]> first = agency.postDossier(v1, DevPki.signer("dk-dis").signBase64(v1));
        assertThat(first.statusCode()).isEqualTo(202);
        String caseId = Dossiers.read(first.body()).path("caseId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> feedItem(caseId) != null);

        byte[] v2 = Dossiers.withVersion(v1, 2);
        HttpResponse<byte[]> second = agency.postDossier(v2, DevPki.signer("dk-dis").signBase64(v2));
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(Dossiers.read(second.body()).path("caseId").asText()).isEqualTo(caseId);
        assertThat(Dossiers.read(second.body()).path("receiptId").asText())
                .isNotEqualTo(Dossiers.read(first.body()).path("receiptId").asText());

        await().atMost(Duration.ofSeconds(20)).until(
                () -> Dossiers.read(kigali.get("/api/v1/cases/" + caseId).body()).path("version").asInt() == 2);
        JsonNode pending = Dossiers.read(kigali.get("/api/v1/cases?status=pending&limit=500").body());
        assertThat(pending.path("items").findValuesAsText("caseId")).contains(caseId);
    }

    @Test
    void feedPagesWithAnOpaqueCursorThatReplaysTheSamePage() {
        for (int i = 0; i < 3; i++) {
            byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
            assertThat(agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier)).statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(20)).until(
                () -> Dossiers.read(kigali.get("/api/v1/cases?limit=500").body()).path("items").size() >= 3);
        JsonNode firstPage = Dossiers.read(kigali.get("/api/v1/cases?limit=2").body());
        assertThat(firstPage.path("items")).hasSize(2);
        String next = firstPage.path("next").asText();
        byte[] secondPage = kigali.get("/api/v1/cases?limit=2&after=" + next).body();
        assertThat(kigali.get("/api/v1/cases?limit=2&after=" + next).body()).isEqualTo(secondPage);
        assertThat(Dossiers.read(secondPage).path("items").findValuesAsText("caseId"))
                .doesNotContainAnyElementsOf(firstPage.path("items").findValuesAsText("caseId"));
    }

    @Test
    void kigaliMayNotPushAndAgenciesMayNotPull() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        HttpResponse<byte[]> kigaliPush = kigali.postDossier(dossier,
                DevPki.signer("rw-kigali-office").signBase64(dossier));
        assertThat(kigaliPush.statusCode()).isEqualTo(403);
        assertThat(new String(kigaliPush.body(), StandardCharsets.UTF_8)).contains("urn:dkrw-hub:problem:forbidden");
        HttpResponse<byte[]> agencyPull = agency.get("/api/v1/cases");
        assertThat(agencyPull.statusCode()).isEqualTo(403);
        assertThat(agency.post("/api/v1/cases/" + java.util.UUID.randomUUID() + "/ack", "application/json",
                "{\"version\":1}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
    }

    @Test
    void statusIsVisibleToTheSendingAgencyOnly() {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        assertThat(agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier)).statusCode())
                .isEqualTo(202);
        String path = "/api/v1/dossiers/" + Dossiers.dossierId(dossier) + "/versions/1/status";
        assertThat(agency.get(path).statusCode()).isEqualTo(200);
        assertThat(new PartnerClient("dk-hjr", port).get(path).statusCode()).isEqualTo(404);
        assertThat(kigali.get(path).statusCode()).isEqualTo(403);
    }

    private JsonNode feedItem(String caseId) {
        String cursor = "";
        while (true) {
            JsonNode page = Dossiers.read(kigali.get("/api/v1/cases?limit=500&after=" + cursor).body());
            for (JsonNode item : page.path("items")) {
                if (item.path("caseId").asText().equals(caseId)) {
                    return item;
                }
            }
            if (page.path("items").isEmpty()) {
                return null;
            }
            cursor = page.path("next").asText();
        }
    }

    private String status(String dossierId) {
        HttpResponse<byte[]> response = agency.get("/api/v1/dossiers/" + dossierId + "/versions/1/status");
        return Dossiers.read(response.body()).path("status").asText();
    }
}
