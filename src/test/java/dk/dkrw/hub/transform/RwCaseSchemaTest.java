package dk.dkrw.hub.transform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.JsonSchemaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.List;

import static dk.dkrw.hub.transform.TransformFixtures.CASE_A;
import static dk.dkrw.hub.transform.TransformFixtures.EXAMPLE;
import static dk.dkrw.hub.transform.TransformFixtures.context;
import static dk.dkrw.hub.transform.TransformFixtures.dossier;
import static org.assertj.core.api.Assertions.assertThat;

/** The schema itself makes the never-forwarded fields impossible, whatever produced the case. */
class RwCaseSchemaTest {

    private static final JsonSchemaCheck RW_CASE = JsonSchemaCheck.load("rw-case-1.schema.json");

    private final ObjectNode valid = TransformFixtures.mapper().map(dossier(EXAMPLE), context(CASE_A, 1));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "'',                          dkCaseNo",
            "'',                          udlNr",
            "'',                          dossierId",
            "/persons/0,                  personId",
            "/persons/0,                  legalRep",
            "/persons/0,                  criminalRecordNote",
            "/persons/0,                  vulnerabilities",
            "/persons/0/names/0,          primary",
            "/persons/0/documents/0,      mrz",
            "/persons/0/documents/0,      authenticity",
            "/persons/0/identifiers/0,    eurodacRef",
            "/interviews/0,               interviewId",
            "/interviews/0,               attachmentIds",
            "/attachments/0,              classification",
            "/household/0,                note",
            "/provenance,                 signerName"
    })
    void refusesAFieldOutsideTheAllowList(String pointer, String field) {
        ((ObjectNode) valid.at(pointer)).put(field, "x");

        assertThat(RW_CASE.check(valid)).contains(new Violation(pointer + "/" + field,
                "is not a property the schema allows"));
    }

    @ParameterizedTest
    @CsvSource({"DK_CPR", "DK_UDL", "EURODAC", "OTHER_STATE"})
    void refusesIdentifiersOfNonUnhcrSchemes(String scheme) {
        ((ObjectNode) valid.at("/persons/0/identifiers/0")).put("scheme", scheme);

        assertThat(RW_CASE.check(valid)).extracting(Violation::pointer).containsExactly("/persons/0/identifiers/0/scheme");
    }

    @Test
    void refusesARawPersonIdAsPersonRef() {
        ((ObjectNode) valid.at("/persons/0")).put("personRef", "5f1d2c3b-6e7a-4b8c-9d0e-1f2a3b4c5d6e");

        assertThat(RW_CASE.check(valid)).extracting(Violation::pointer).containsExactly("/persons/0/personRef");
    }

    @Test
    void refusesAnInstantWithAnOffset() {
        valid.put("availableAt", "2026-11-20T11:15:00+02:00");

        assertThat(RW_CASE.check(valid)).extracting(Violation::pointer).containsExactly("/availableAt");
    }

    @Test
    void refusesAnUnknownVulnerabilityCode() {
        ((ObjectNode) valid.at("/persons/1")).putArray("specialNeeds").add("CRIMINAL_RECORD");

        assertThat(RW_CASE.check(valid)).extracting(Violation::pointer).containsExactly("/persons/1/specialNeeds/0");
    }

    @Test
    void statesWhatIsNeverIncluded() throws Exception {
        assertThat(schemaDescription()).contains("NEVER included", "dkCaseNo", "udlNr", "DK_CPR", "EURODAC", "eurodacRef",
                "mrz", "legalRep", "criminalRecordNote", "ART9", "personIds", "non-consented");
    }

    private static String schemaDescription() throws Exception {
        try (InputStream in = RwCaseSchemaTest.class.getClassLoader().getResourceAsStream("schemas/rw-case-1.schema.json")) {
            return new ObjectMapper().readTree(in).path("description").asText();
        }
    }

    @Test
    void exampleCaseIsValid() {
        assertThat(RW_CASE.check(valid)).isEqualTo(List.of());
    }
}
