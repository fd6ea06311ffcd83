package dk.dkrw.hub.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.validation.JsonSchemaCheck;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.dkrw.hub.transform.TransformFixtures.ATTACHMENTS;
import static dk.dkrw.hub.transform.TransformFixtures.CASE_A;
import static dk.dkrw.hub.transform.TransformFixtures.CASE_B;
import static dk.dkrw.hub.transform.TransformFixtures.DOMAIN_EDGE_CASES;
import static dk.dkrw.hub.transform.TransformFixtures.EXAMPLE;
import static dk.dkrw.hub.transform.TransformFixtures.EXAMPLE_VERSION_2;
import static dk.dkrw.hub.transform.TransformFixtures.HELD_AT_WITH_OFFSET;
import static dk.dkrw.hub.transform.TransformFixtures.NAMES_IN_NFD;
import static dk.dkrw.hub.transform.TransformFixtures.OPTIONAL_FIELDS_ABSENT;
import static dk.dkrw.hub.transform.TransformFixtures.PROVENANCE;
import static dk.dkrw.hub.transform.TransformFixtures.RELATIONSHIP_TO_NON_PERSON;
import static dk.dkrw.hub.transform.TransformFixtures.context;
import static dk.dkrw.hub.transform.TransformFixtures.dossier;
import static dk.dkrw.hub.transform.TransformFixtures.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DossierToCaseMapperTest {

    private static final JsonSchemaCheck RW_CASE = JsonSchemaCheck.load("rw-case-1.schema.json");

    private final DossierToCaseMapper mapper = TransformFixtures.mapper();

    private ObjectNode map(String fixture) {
        return mapper.map(dossier(fixture), context(CASE_A, 1));
    }

    @ParameterizedTest
    @MethodSource("dk.dkrw.hub.transform.TransformFixtures#allDossiers")
    void mapsEveryFixtureToASchemaValidCase(String fixture) {
        assertThat(RW_CASE.check(map(fixture))).isEmpty();
    }

    @Test
    void mapsTheExampleToTheExpectedCase() {
        assertThat(map(EXAMPLE)).isEqualTo(dossier("rw-case-expected-from-example.json"));
    }

    @Test
    void leavesTheInputDossierUnchanged() {
        JsonNode in = dossier(EXAMPLE);
        mapper.map(in, context(CASE_A, 1));
        assertThat(in).isEqualTo(dossier(EXAMPLE));
    }

    @Test
    void refusesADossierWithoutUdlNrWithoutEchoingValues() {
        ObjectNode in = (ObjectNode) dossier(EXAMPLE);
        in.remove("udlNr");
        assertThatThrownBy(() -> mapper.map(in, context(CASE_A, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/udlNr")
                .hasMessageNotContaining("US-2026");
    }

    @Nested
    class Pseudonyms {

        @Test
        void dkPseudonymIsTheHmacOfUdlNr() {
            assertThat(map(EXAMPLE).path("dkPseudonym").asText()).isEqualTo(hmacHex("26-118842"));
        }

        @Test
        void personRefsAreStableAcrossVersionsOfOneCase() {
            ObjectNode v1 = mapper.map(dossier(EXAMPLE), context(CASE_A, 1));
            ObjectNode v2 = mapper.map(dossier(EXAMPLE_VERSION_2), context(CASE_A, 2));

            assertThat(personRefs(v2)).isEqualTo(personRefs(v1)).doesNotHaveDuplicates().hasSize(3);
            assertThat(v2.path("version").asInt()).isEqualTo(2);
        }

        @Test
        void personRefsDifferBetweenCases() {
            List<String> inA = personRefs(mapper.map(dossier(EXAMPLE), context(CASE_A, 1)));
            List<String> inB = personRefs(mapper.map(dossier(EXAMPLE), context(CASE_B, 1)));

            assertThat(inB).doesNotContainAnyElementsOf(inA);
        }

        private List<String> personRefs(ObjectNode rwCase) {
            List<String> refs = new ArrayList<>();
            rwCase.path("persons").forEach(p -> refs.add(p.path("personRef").asText()));
            return refs;
        }
    }

    @Nested
    class Names {

        @Test
        void nfdInputComesOutNfc() {
            ObjectNode out = map(NAMES_IN_NFD);

            assertThat(out.at("/persons/0/names/0/fullText").asText()).isEqualTo("Jos\u00e9 \u00c5sa Gebremedhin");
            assertThat(out.at("/persons/0/names/1/latinTranslit").asText()).isEqualTo("Jos\u00e9 \u00c5sa Gebremedhin");
            assertThat(out.at("/persons/0/knownAs/0").asText()).isEqualTo("\u00c5sa Tesfai");
            assertThat(out.at("/persons/0/placeOfBirth/text").asText()).isEqualTo("Malm\u00f6");
            assertThat(out.at("/interviews/0/summary").asText()).isEqualTo("Applicant travelled via Malm\u00f6.");
            assertThat(out.toString()).matches(s -> Normalizer.isNormalized(s, Normalizer.Form.NFC), "is NFC");
        }

        @Test
        void aliasesAndPreviousNamesBecomeKnownAs() {
            ObjectNode out = map(DOMAIN_EDGE_CASES);

            assertThat(out.at("/persons/0/names")).extracting(n -> n.path("type").asText())
                    .containsExactly("OFFICIAL", "BIRTH");
            assertThat(out.at("/persons/0/knownAs")).extracting(JsonNode::asText)
                    .containsExactly("Mohamed Abdelrahman");
            assertThat(out.at("/persons/0/names/1/fullText").asText()).hasSize(120);
            assertThat(out.at("/persons/0/names/0/latinTranslit").asText()).isEqualTo("Mohammed Abd al-Rahman");
        }
    }

    @Nested
    class Household {

        @Test
        void relationshipsMapToPersonRefsWithTheSameTypes() {
            ObjectNode out = map(EXAMPLE);
            String principal = out.at("/persons/0/personRef").asText();
            String spouse = out.at("/persons/1/personRef").asText();
            String child = out.at("/persons/2/personRef").asText();

            assertThat(out.path("household")).extracting(r -> List.of(r.path("from").asText(), r.path("to").asText(),
                            r.path("type").asText(), r.path("verified").asText()))
                    .containsExactly(
                            List.of(principal, spouse, "SPOUSE", "false"),
                            List.of(principal, child, "PARENT", "false"),
                            List.of(child, principal, "CHILD", "false"),
                            List.of(spouse, child, "PARENT", "false"));
        }

        @Test
        void keepsOnlyRelationshipsBetweenPersonsAndMatchesPersonIdsWhateverTheirLetterCase() {
            ObjectNode out = map(RELATIONSHIP_TO_NON_PERSON);

            assertThat(out.path("household")).hasSize(4);
            assertThat(out.at("/household/0/to").asText()).isEqualTo(out.at("/persons/1/personRef").asText());
        }
    }

    @Nested
    class AttachmentsAndInterviews {

        @Test
        void forwardsOnlyOrdinaryAttachmentsNotOptedOut() {
            assertThat(map(ATTACHMENTS).path("attachments")).extracting(a -> a.path("attachmentId").asText())
                    .containsExactly("att-passport", "att-interview-audio");
        }

        @Test
        void interviewsCarryTypeTimeLanguageAndSummaryOnly() {
            JsonNode interview = map(ATTACHMENTS).at("/interviews/0");

            assertThat(interview.fieldNames()).toIterable().containsExactly("type", "heldAt", "language", "summary");
        }

        @Test
        void instantsAreWrittenInUtcWithZ() {
            assertThat(map(HELD_AT_WITH_OFFSET).at("/interviews/0/heldAt").asText()).isEqualTo("2026-11-12T08:30:00Z");
        }
    }

    @Nested
    class PersonFields {

        @Test
        void optionalFieldsAbsentGiveEmptyArraysAndNoPlaceholders() {
            JsonNode person = map(OPTIONAL_FIELDS_ABSENT).at("/persons/0");

            assertThat(person.path("names").toString()).isEqualTo("[{\"type\":\"OFFICIAL\",\"fullText\":\"Nambajimana\"}]");
            assertThat(person.path("dateOfBirth").toString()).isEqualTo("{\"value\":\"1985-XX-XX\",\"precision\":\"YEAR\"}");
            assertThat(person.has("placeOfBirth")).isFalse();
            for (String array : List.of("knownAs", "documents", "specialNeeds", "identifiers", "biometricToken")) {
                assertThat(person.path(array).isArray()).as(array).isTrue();
                assertThat(person.path(array)).as(array).isEmpty();
            }
        }

        @Test
        void ageAssessedDateOfBirthIsCopiedUnchanged() {
            JsonNode in = dossier(DOMAIN_EDGE_CASES).at("/persons/2/dateOfBirth");

            assertThat(map(DOMAIN_EDGE_CASES).at("/persons/2/dateOfBirth")).isEqualTo(in);
        }

        @Test
        void documentsKeepTypeNumberIssuerAndExpiryOnly() {
            assertThat(map(DOMAIN_EDGE_CASES).at("/persons/0/documents/0").toString()).isEqualTo(
                    "{\"docType\":\"TRAVEL_DOC\",\"number\":\"XA0012345\",\"issuingState\":\"XXA\","
                            + "\"expiryDate\":\"2030-01-09\"}");
        }

        @Test
        void identifiersAreUnhcrOnlyAndBiometricsTemplateRefsOnly() {
            JsonNode person = map(DOMAIN_EDGE_CASES).at("/persons/0");

            assertThat(person.path("identifiers").toString())
                    .isEqualTo("[{\"scheme\":\"UNHCR_FILE\",\"value\":\"478-26F00100\"}]");
            assertThat(person.path("biometricToken").toString()).isEqualTo("[\"bio-face-1\"]");
        }
    }

    @Nested
    class ProvenanceBlock {

        @Test
        void isCopiedExactly() {
            assertThat(map(EXAMPLE).path("provenance").toString()).isEqualTo("{"
                    + "\"dossierSha256\":\"" + PROVENANCE.dossierSha256() + "\","
                    + "\"signerParty\":\"dk-dis\","
                    + "\"signerCertificateSha256\":\"" + PROVENANCE.signerCertificateSha256() + "\","
                    + "\"signingTime\":\"2026-11-20T09:14:05Z\","
                    + "\"receiptId\":\"" + PROVENANCE.receiptId() + "\"}");
        }

        @Test
        void keepsFractionsOfASecondInSigningTime() {
            Provenance provenance = new Provenance(
                    PROVENANCE.dossierSha256(), "dk-hjr", PROVENANCE.signerCertificateSha256(),
                    Instant.parse("2026-11-20T09:14:05.25Z"), PROVENANCE.receiptId());
            ObjectNode out = mapper.map(dossier(EXAMPLE),
                    new CaseContext(CASE_A, 1, Instant.parse("2026-11-20T09:15:00Z"), provenance));

            assertThat(out.at("/provenance/signingTime").asText()).isEqualTo("2026-11-20T09:14:05.250Z");
            assertThat(RW_CASE.check(out)).isEmpty();
        }
    }

    @Test
    void givesTheSameCaseFromManyThreads() throws Exception {
        String expected = map(EXAMPLE).toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                runs.add(pool.submit(() -> map(EXAMPLE).toString()));
            }
            for (Future<String> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
