package dk.dkrw.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every valid sample, including each edge case of domain.md, goes through the real hub and comes out as a
 * correct case, and no case body carries anything domain.md says must never reach Kigali.
 */
class EdgeCasesAndMinimisationIT extends HubIT {

    @LocalServerPort
    int port;

    PartnerClient agency;
    PartnerClient kigali;

    @BeforeEach
    void clients() {
        agency = new PartnerClient("dk-dis", port);
        kigali = new PartnerClient("rw-kigali-office", port);
        for (String attachment : List.of("passport-scan.pdf", "medical-report.pdf")) {
            byte[] bytes = Samples.attachment(attachment);
            assertThat(agency.putAttachment(Samples.sha256(bytes), bytes).statusCode()).isIn(200, 201);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dk-dis-family.json", "edge-year-precision-mrz.json", "edge-single-name.json",
            "edge-arabic-script-name.json", "edge-long-name.json", "edge-stateless-family.json",
            "edge-mixed-surnames-household.json", "edge-age-assessed-minor.json"})
    void validSampleIsAcceptedAndComesOutCorrectlyAndMinimised(String sample) {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier(sample));
        HttpResponse<byte[]> accepted = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));
        assertThat(accepted.statusCode()).as(new String(accepted.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        String caseId = Dossiers.read(accepted.body()).path("caseId").asText();

        HttpResponse<byte[]> pulled = await().atMost(Duration.ofSeconds(20))
                .until(() -> kigali.get("/api/v1/cases/" + caseId), r -> r.statusCode() == 200);
        String body = new String(pulled.body(), StandardCharsets.UTF_8);
        JsonNode rwCase = Dossiers.read(pulled.body());
        JsonNode source = Dossiers.read(dossier);

        assertThat(rwCase.path("persons")).hasSize(source.path("persons").size());
        for (String forbidden : forbiddenValues(source)) {
            assertThat(body).as("case must not contain a value that may not leave Denmark").doesNotContain(forbidden);
        }
        for (String field : List.of("\"dkCaseNo\"", "\"udlNr\"", "\"mrz\"", "\"legalRep\"", "\"criminalRecordNote\"",
                "\"eurodacRef\"", "\"personId\"", "DK_CPR", "DK_UDL", "EURODAC")) {
            assertThat(body).doesNotContain(field);
        }
        assertThat(rwCase.findValuesAsText("latinTranslit"))
                .containsExactlyInAnyOrderElementsOf(source.findValuesAsText("latinTranslit"));
        expectationsFor(sample, rwCase);
    }

    private static void expectationsFor(String sample, JsonNode rwCase) {
        JsonNode first = rwCase.path("persons").path(0);
        switch (sample) {
            case "edge-year-precision-mrz.json" -> {
                assertThat(first.path("dateOfBirth").path("value").asText()).isEqualTo("1987-XX-XX");
                assertThat(first.path("dateOfBirth").path("precision").asText()).isEqualTo("YEAR");
                assertThat(first.path("documents").path(0).path("docType").asText()).isEqualTo("PASSPORT");
            }
            case "edge-single-name.json" ->
                    assertThat(allNames(rwCase)).containsExactly("Nambajimana");
            case "edge-arabic-script-name.json" -> {
                assertThat(allNames(rwCase)).anySatisfy(n -> assertThat(n).contains("يوسف"));
                assertThat(rwCase.findValuesAsText("latinTranslit")).isNotEmpty();
            }
            case "edge-long-name.json" -> assertThat(allNames(rwCase)).anySatisfy(n -> assertThat(n).hasSize(120));
            case "edge-stateless-family.json" -> {
                assertThat(rwCase.path("persons").findValuesAsText("nationalityStatus"))
                        .contains("STATELESS", "UNDETERMINED");
                assertThat(first.path("nationalities").toString()).isEqualTo("[\"XXA\"]");
            }
            case "edge-mixed-surnames-household.json" -> {
                assertThat(allNames(rwCase)).contains(Normalizer.normalize("Sigrid Ærø-Ødegård", Normalizer.Form.NFC),
                        "Jean Bosco Uwimana");
                assertThat(rwCase.path("household").size()).isGreaterThan(0);
            }
            case "edge-age-assessed-minor.json" -> {
                JsonNode dob = first.path("dateOfBirth");
                assertThat(dob.path("source").asText()).isEqualTo("AGE_ASSESSMENT");
                assertThat(dob.path("assessedRange").path("earliest").asInt()).isEqualTo(2006);
                assertThat(dob.path("assessedRange").path("latest").asInt()).isEqualTo(2009);
            }
            default -> assertThat(rwCase.path("attachments")).hasSize(1);
        }
    }

    private static List<String> allNames(JsonNode rwCase) {
        List<String> names = new ArrayList<>();
        for (JsonNode person : rwCase.path("persons")) {
            person.path("names").forEach(n -> names.add(n.path("fullText").asText()));
        }
        return names;
    }

    /** Values of the dossier that must never appear in a case body. */
    static List<String> forbiddenValues(JsonNode dossier) {
        List<String> values = new ArrayList<>();
        values.add(dossier.path("udlNr").asText());
        values.add(dossier.path("dkCaseNo").asText());
        for (JsonNode person : dossier.path("persons")) {
            values.add(person.path("personId").asText());
            for (JsonNode identifier : person.path("identifiers")) {
                String scheme = identifier.path("scheme").asText();
                if (scheme.startsWith("DK_") || scheme.equals("EURODAC")) {
                    values.add(identifier.path("value").asText());
                }
            }
            person.path("documents").forEach(d -> {
                if (d.hasNonNull("mrz")) {
                    values.add(d.path("mrz").asText());
                }
            });
            person.path("biometrics").forEach(b -> {
                if (b.hasNonNull("eurodacRef")) {
                    values.add(b.path("eurodacRef").asText());
                }
            });
            if (person.hasNonNull("legalRep")) {
                values.add(person.path("legalRep").path("name").asText());
            }
            if (person.hasNonNull("criminalRecordNote")) {
                values.add(person.path("criminalRecordNote").asText());
            }
        }
        for (JsonNode attachment : dossier.path("attachments")) {
            if ("ART9".equals(attachment.path("classification").asText())) {
                values.add(attachment.path("sha256").asText());
            }
        }
        values.removeIf(String::isBlank);
        return values;
    }
}
