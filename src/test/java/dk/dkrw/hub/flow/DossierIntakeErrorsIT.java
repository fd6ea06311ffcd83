package dk.dkrw.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the contract's error table that applies to dossier and attachment intake: status, problem
 * type, and proof that the refused document left nothing behind but one audit entry with its sha256 and cause.
 */
class DossierIntakeErrorsIT extends HubIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    PartnerClient agency;

    @BeforeEach
    void client() {
        agency = new PartnerClient("dk-dis", port);
    }

    /** Posts, asserts the problem, and asserts that only an audit row remains of the body. */
    JsonNode refused(PartnerClient client, byte[] body, String signature, int status, String code) {
        long versionsBefore = count("dossier_version");
        HttpResponse<byte[]> response = client.postDossier(body, signature);
        JsonNode problem = assertProblem(response, status, code);
        String sha256 = Samples.sha256(body);
        // no stored copy, hence no outbox message and no case (both are written only from a stored version)
        assertThat(count("dossier_version")).isEqualTo(versionsBefore);
        assertThat(jdbc.queryForObject("select count(*) from dossier_version where body_sha256 = ?", Long.class,
                sha256)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_sha256 = ? "
                + "and kind <> 'DOSSIER_REJECTED'", Long.class, sha256)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'DOSSIER_REJECTED' "
                + "and subject_sha256 = ? and cause = ?", Long.class, sha256, code)).isEqualTo(1);
        return problem;
    }

    static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String code) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(text).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Dossiers.read(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:dkrw-hub:problem:" + code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).startsWith("/api/v1/");
        assertThat(text).doesNotContain("Exception").doesNotContain("at dk.dkrw");
        return problem;
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    byte[] fresh() {
        return Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
    }

    String sign(String party, byte[] body) {
        return DevPki.signer(party).signBase64(body);
    }

    @Nested
    class Transport {

        @Test
        void rejectsWrongContentTypeWith415() {
            byte[] body = fresh();
            HttpResponse<byte[]> response = agency.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(agency.base() + "/api/v1/dossiers"))
                    .header("Content-Type", "text/plain").header("X-Dossier-Signature", sign("dk-dis", body))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
            assertProblem(response, 415, "unsupported-media-type");
        }

        @Test
        void rejectsBodyOverTheLimitWith413() {
            byte[] body = new byte[10 * 1024 * 1024 + 1];
            Arrays.fill(body, (byte) ' ');
            HttpResponse<byte[]> response = agency.postDossier(body, "AAAA");
            assertProblem(response, 413, "payload-too-large");
        }

        @Test
        void rejectsNonJsonWith400() {
            byte[] body = "this is not json".getBytes(StandardCharsets.UTF_8);
            refused(agency, body, sign("dk-dis", body), 400, "malformed-body");
        }

        @Test
        void rejectsInvalidUtf8With400() {
            byte[] body = fresh();
            byte[] broken = Arrays.copyOf(body, body.length);
            int at = new String(body, StandardCharsets.UTF_8).indexOf("Nambajimana");
            broken[at] = (byte) 0xC3;
            broken[at + 1] = (byte) 0x28;
            refused(agency, broken, sign("dk-dis", broken), 400, "malformed-body");
        }

        @Test
        void rejectsDuplicateKeysWith400() {
            byte[] body = ("{\"schemaVersion\":\"dk-dossier/1\",\"schemaVersion\":\"dk-dossier/1\"}")
                    .getBytes(StandardCharsets.UTF_8);
            refused(agency, body, sign("dk-dis", body), 400, "malformed-body");
        }
    }

    @Nested
    class Signatures {

        @Test
        void rejectsMissingSignatureWith401() {
            refused(agency, fresh(), null, 401, "signature-missing");
        }

        @Test
        void rejectsUndecodableSignatureWith401() {
            refused(agency, fresh(), "%%% not base64 %%%", 401, "signature-missing");
        }

        @Test
        void rejectsSignatureThatIsNotCmsWith401() {
            refused(agency, fresh(), Base64.getEncoder().encodeToString("hello".getBytes()), 401,
                    "signature-missing");
        }

        @Test
        void rejectsSignatureOverOtherBytesWith422() {
            byte[] body = fresh();
            refused(agency, body, sign("dk-dis", fresh()), 422, "signature-invalid");
        }

        @Test
        void rejectsSignerFromAnUntrustedCaWith422() {
            byte[] body = fresh();
            refused(agency, body, sign("untrusted", body), 422, "signer-untrusted");
        }

        @Test
        void rejectsExpiredSignerCertificateWith422() {
            byte[] body = fresh();
            refused(agency, body, sign("dk-dis-expired", body), 422, "certificate-expired");
        }

        @Test
        void rejectsRevokedSignerCertificateWith422() {
            byte[] body = fresh();
            refused(agency, body, sign("dk-dis-revoked", body), 422, "certificate-revoked");
        }

        @Test
        void rejectsSigningTimeFarInTheFutureWith422() {
            byte[] body = fresh();
            refused(agency, body, DevPki.futureSigner("dk-dis").signBase64(body), 422, "signing-time-skew");
        }

        @Test
        void rejectsSignerOfAnotherPartyThanTheTlsClientWith403() {
            byte[] body = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
            refused(agency, body, sign("dk-hjr", body), 403, "party-mismatch");
        }

        @Test
        void acceptsADossierSignedByOpensslCms() throws Exception {
            byte[] body = fresh();
            String signature = DevPki.opensslSign("dk-dis", body);
            HttpResponse<byte[]> response = agency.postDossier(body, signature);
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(202);
        }
    }

    @Nested
    class Authorisation {

        @Test
        void rejectsPartyWithoutTheSubmitPermissionWith403() {
            byte[] body = fresh();
            refused(new PartnerClient("rw-kigali-office", port), body, sign("rw-kigali-office", body), 403,
                    "forbidden");
        }

        @Test
        void refusesATlsClientCertificateThatIsNotRegistered() {
            HttpResponse<byte[]> response = new PartnerClient("dk-dis-revoked", port).get("/api/v1/cases");
            assertProblem(response, 403, "forbidden");
        }

        @Test
        void refusesAnotherAgencyUpdatingADossierItDoesNotOwn() {
            byte[] v1 = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
            assertThat(agency.postDossier(v1, sign("dk-dis", v1)).statusCode()).isEqualTo(202);
            byte[] v2 = Dossiers.withVersion(v1, 2);
            HttpResponse<byte[]> response = new PartnerClient("dk-hjr", port).postDossier(v2, sign("dk-hjr", v2));
            assertThat(response.statusCode()).isIn(403, 422);
        }
    }

    @Nested
    class Content {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "schema-missing-dossier-id.json, /dossierId",
                "rule02-precision-mask-mismatch.json, /persons/1/dateOfBirth",
                "rule07-stateless-with-nationality.json, /persons/1/nationalityStatus",
                "rule11-two-principals.json, /persons",
                "rule14-wrong-source-authority.json, /sourceAuthority"})
        void rejectsInvalidSamplesWith422NamingThePointer(String sample, String pointerPrefix) {
            byte[] body = Samples.invalidDossier(sample);
            JsonNode problem = refused(agency, body, sign("dk-dis", body), 422, "validation-failed");
            assertThat(problem.path("errors").findValuesAsText("pointer"))
                    .anySatisfy(pointer -> assertThat(pointer).startsWith(pointerPrefix));
        }

        @Test
        void reportsAllViolationsOfADossierAtOnce() {
            byte[] body = Samples.invalidDossier("multiple-violations.json");
            JsonNode problem = refused(agency, body, sign("dk-dis", body), 422, "validation-failed");
            assertThat(problem.path("errors").size()).isGreaterThan(1);
        }

        @Test
        void rejectsDossierListingAnAttachmentTheHubDoesNotHoldWith422() {
            byte[] body = Samples.invalidDossier("attachment-not-held.json");
            JsonNode problem = refused(agency, body, sign("dk-dis", body), 422, "attachment-missing");
            assertThat(problem.path("errors").findValuesAsText("pointer")).isNotEmpty();
        }

        @Test
        void rejectsSameIdAndVersionWithOtherContentWith409() {
            byte[] body = fresh();
            assertThat(agency.postDossier(body, sign("dk-dis", body)).statusCode()).isEqualTo(202);
            byte[] other = new String(body, StandardCharsets.UTF_8).replace("\"createdAt\": \"2026-",
                    "\"createdAt\": \"2025-").getBytes(StandardCharsets.UTF_8);
            assertThat(other).isNotEqualTo(body);
            refused(agency, other, sign("dk-dis", other), 409, "conflict");
        }

        @Test
        void answersSameContentInOtherBytesWithTheOriginalReceipt() {
            byte[] body = fresh();
            HttpResponse<byte[]> first = agency.postDossier(body, sign("dk-dis", body));
            assertThat(first.statusCode()).isEqualTo(202);
            byte[] reformatted = Dossiers.read(body).toString().getBytes(StandardCharsets.UTF_8);
            assertThat(reformatted).isNotEqualTo(body);
            HttpResponse<byte[]> repeat = agency.postDossier(reformatted, sign("dk-dis", reformatted));
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(repeat.body()).isEqualTo(first.body());
        }
    }

    @Nested
    class Attachments {

        @Test
        void rejectsBytesThatDoNotHashToThePathAndKeepsNothing() {
            byte[] bytes = "not the passport".getBytes(StandardCharsets.UTF_8);
            String claimed = Samples.sha256("something else".getBytes(StandardCharsets.UTF_8));
            assertProblem(agency.putAttachment(claimed, bytes), 422, "attachment-hash-mismatch");
            assertThat(agency.putAttachment(claimed, bytes).statusCode()).isEqualTo(422);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'ATTACHMENT_REJECTED' "
                    + "and subject_sha256 = ?", Long.class, claimed)).isEqualTo(2);
            assertThat(java.nio.file.Files.exists(DATA_DIR.resolve("attachments").resolve(claimed.substring(0, 2))
                    .resolve(claimed.substring(2, 4)).resolve(claimed))).isFalse();
        }

        @Test
        void rejectsAttachmentUploadByKigaliWith403() {
            byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
            assertProblem(new PartnerClient("rw-kigali-office", port).putAttachment(Samples.sha256(bytes), bytes),
                    403, "forbidden");
        }
    }

    @Nested
    class Lookups {

        @Test
        void answersUnknownCaseWith404() {
            assertProblem(new PartnerClient("rw-kigali-office", port).get("/api/v1/cases/"
                    + java.util.UUID.randomUUID()), 404, "not-found");
        }

        @Test
        void answersUnknownDossierStatusWith404() {
            assertProblem(agency.get("/api/v1/dossiers/" + java.util.UUID.randomUUID() + "/versions/1/status"),
                    404, "not-found");
        }
    }
}
