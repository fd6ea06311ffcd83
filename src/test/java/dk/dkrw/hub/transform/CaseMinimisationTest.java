package dk.dkrw.hub.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static dk.dkrw.hub.transform.TransformFixtures.CASE_A;
import static dk.dkrw.hub.transform.TransformFixtures.DEPENDANT_WITH_CPR;
import static dk.dkrw.hub.transform.TransformFixtures.DOMAIN_EDGE_CASES;
import static dk.dkrw.hub.transform.TransformFixtures.EXAMPLE;
import static dk.dkrw.hub.transform.TransformFixtures.UNKNOWN_FIELDS;
import static dk.dkrw.hub.transform.TransformFixtures.VULNERABILITIES_CONSENT;
import static dk.dkrw.hub.transform.TransformFixtures.context;
import static dk.dkrw.hub.transform.TransformFixtures.dossier;
import static org.assertj.core.api.Assertions.assertThat;

/** What must never reach Kigali, checked on the serialised case (the bytes Kigali would receive). */
class CaseMinimisationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FORWARDED_SCHEMES = Set.of("UNHCR_INDIVIDUAL", "UNHCR_FILE");
    private static final Set<String> CRITICAL = Set.of(
            "UNACCOMPANIED_MINOR", "SEPARATED_CHILD", "PREGNANT", "DISABILITY", "SERIOUS_ILLNESS");
    private static final List<String> FORBIDDEN_FIELD_NAMES = List.of("dossierId", "dkCaseNo", "udlNr", "personId",
            "principalPersonId", "mrz", "eurodacRef", "legalRep", "criminalRecordNote", "interviewId", "attachmentIds",
            "consentToShare", "assessedAt", "classification", "forwardToKigali", "authenticity", "issueDate",
            "vulnerabilities", "biometrics", "relationships", "primary", "secondary", "script", "createdAt",
            "sourceAuthority");

    private final DossierToCaseMapper mapper = TransformFixtures.mapper();

    @Test
    void exampleCaseContainsNoneOfTheNeverForwardedValues() {
        String json = serialised(EXAMPLE);

        assertThat(json).doesNotContain(
                "US-2026-041877",                                                     // dkCaseNo
                "26-118842",                                                          // udlNr and DK_UDL
                "DK1-26-0093318", "DK1-26-0093319",                                   // EURODAC and eurodacRef
                "P<ERIGEBREMEDHIN<<AMANUEL<TESFAY", "Q7R2045184ERI9103144M2909222",   // mrz lines
                "Advokat Karen Ørsted", "Karen", "Ørsted",                            // legalRep
                "none recorded",                                                      // criminalRecordNote
                "att-medical", "a60a7608e12fd5b9a8fc8669c4d9e64c7982745e5177485bdffe69ab78048a2d", // ART9
                "TORTURE_SURVIVOR",                                                   // consent false
                "5f1d2c3b-6e7a-4b8c-9d0e-1f2a3b4c5d6e", "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d",
                "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",                               // personIds
                "int-1",                                                              // interviewId
                "DK_UDL", "DK_CPR", "EURODAC");
    }

    @ParameterizedTest
    @MethodSource("dk.dkrw.hub.transform.TransformFixtures#allDossiers")
    void noFixtureLeaksAnyNeverForwardedValue(String fixture) {
        String json = serialised(fixture);

        assertThat(json).doesNotContain(neverForwardedValues(dossier(fixture)));
    }

    @ParameterizedTest
    @MethodSource("dk.dkrw.hub.transform.TransformFixtures#allDossiers")
    void noFixtureCarriesADossierOnlyFieldName(String fixture) {
        String json = serialised(fixture);

        FORBIDDEN_FIELD_NAMES.forEach(name -> assertThat(json).doesNotContain("\"" + name + "\""));
    }

    @ParameterizedTest
    @MethodSource("dk.dkrw.hub.transform.TransformFixtures#allDossiers")
    void noPersonCarriesANonConsentedNonCriticalVulnerability(String fixture) {
        JsonNode in = dossier(fixture);
        ObjectNode out = mapper.map(in, context(CASE_A, 1));

        for (int p = 0; p < in.path("persons").size(); p++) {
            List<String> withheld = new ArrayList<>();
            List<String> forwarded = new ArrayList<>();
            for (JsonNode v : in.path("persons").path(p).path("vulnerabilities")) {
                String code = v.path("code").asText();
                boolean allowed = CRITICAL.contains(code) || v.path("consentToShare").asBoolean(false);
                (allowed ? forwarded : withheld).add(code);
            }
            withheld.removeAll(forwarded);
            List<String> actual = new ArrayList<>();
            out.path("persons").path(p).path("specialNeeds").forEach(code -> actual.add(code.asText()));
            assertThat(actual).containsExactlyInAnyOrderElementsOf(Set.copyOf(forwarded));
            assertThat(Collections.disjoint(actual, withheld)).as("withheld codes %s", withheld).isTrue();
        }
    }

    @Test
    void dependantsDkCprNumbersLeaveNoTrace() {
        String json = serialised(DEPENDANT_WITH_CPR);

        assertThat(json).doesNotContain("150594-1238", "1505941238", "0206194321", "020619-4321", "26-118843",
                "DK_CPR", "DK_UDL");
        assertThat(json).contains("478-26C01236");
    }

    @Test
    void consentedNonCriticalVulnerabilityIsKeptAndCriticalOnesAlwaysAre() {
        ObjectNode out = mapper.map(dossier(VULNERABILITIES_CONSENT), context(CASE_A, 1));

        assertThat(out.at("/persons/0/specialNeeds")).extracting(JsonNode::asText)
                .containsExactly("TORTURE_SURVIVOR", "DISABILITY", "SERIOUS_ILLNESS");
        assertThat(out.at("/persons/1/specialNeeds")).extracting(JsonNode::asText)
                .containsExactly("PREGNANT", "SINGLE_PARENT");
    }

    @Test
    void criticalVulnerabilityWithoutConsentIsKeptInTheExample() {
        ObjectNode out = mapper.map(dossier(EXAMPLE), context(CASE_A, 1));

        assertThat(out.at("/persons/0/specialNeeds")).isEmpty();
        assertThat(out.at("/persons/1/specialNeeds")).extracting(JsonNode::asText).containsExactly("PREGNANT");
    }

    @Test
    void fieldsUnknownTodayAreNotCarriedAtAnyLevel() {
        assertThat(serialised(UNKNOWN_FIELDS)).doesNotContain("LEAK-CANARY", "futureField");
    }

    @Test
    void representativeOfAMinorAndOtherStatesIdentifiersStayInDenmark() {
        assertThat(serialised(DOMAIN_EDGE_CASES))
                .doesNotContain("Mette", "Kjærgaard", "REPRESENTATIVE_56A", "SE-8701-55", "OTHER_STATE", "87<<<<");
    }

    private String serialised(String fixture) {
        try {
            return JSON.writeValueAsString(mapper.map(dossier(fixture), context(CASE_A, 1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values of the domain's "never in rw-case/1" list, read from the dossier itself. */
    private static String[] neverForwardedValues(JsonNode dossier) {
        List<String> values = new ArrayList<>(List.of(dossier.path("dkCaseNo").asText(), dossier.path("udlNr").asText()));
        for (JsonNode person : dossier.path("persons")) {
            values.add(person.path("personId").asText());
            person.path("identifiers").forEach(i -> {
                if (!FORWARDED_SCHEMES.contains(i.path("scheme").asText())) {
                    values.add(i.path("value").asText());
                }
            });
            person.path("biometrics").forEach(b -> addIfText(values, b.path("eurodacRef")));
            person.path("documents").forEach(d -> {
                if (d.path("mrz").isTextual()) {
                    values.addAll(List.of(d.path("mrz").asText().split("\n")));
                }
            });
            addIfText(values, person.path("legalRep").path("name"));
            addIfText(values, person.path("criminalRecordNote"));
        }
        dossier.path("interviews").forEach(i -> addIfText(values, i.path("interviewId")));
        dossier.path("attachments").forEach(a -> {
            boolean forwarded = "ORDINARY".equals(a.path("classification").asText())
                    && a.path("forwardToKigali").asBoolean(true);
            if (!forwarded) {
                values.add(a.path("attachmentId").asText());
                values.add(a.path("sha256").asText());
            }
        });
        return values.toArray(String[]::new);
    }

    private static void addIfText(List<String> values, JsonNode node) {
        if (node.isTextual()) {
            values.add(node.asText());
        }
    }
}
