package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.object;
import static dk.dkrw.hub.validation.Samples.pointers;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules 7, 11, 12 and 13: nationality status, principal, Eurodac age, CPR. */
class PersonRulesTest {

    @Nested
    class Rule7Statelessness {

        @ParameterizedTest(name = "{0} {1} -> violation {2}")
        @CsvSource(delimiter = ';', value = {
                "[];STATELESS;false", "[\"XXA\"];STATELESS;false", "[\"XXX\"];UNDETERMINED;false",
                "[\"XXB\"];NATIONAL;false", "[\"ERI\",\"ETH\"];DISPUTED;false",
                "[\"XXX\"];STATELESS;true", "[\"ERI\"];STATELESS;true", "[\"XXA\",\"ERI\"];STATELESS;true",
                "[\"XXA\"];NATIONAL;true", "[];UNDETERMINED;true"})
        void statelessExactlyWhenNoNationalityOrXxa(String nationalities, String status, boolean refused)
                throws Exception {
            ObjectNode dossier = family();
            object(dossier, "/persons/1").put("nationalityStatus", status)
                    .set("nationalities", new ObjectMapper().readTree(nationalities));

            assertThat(pointers(validate(dossier)))
                    .isEqualTo(refused ? List.of("/persons/1/nationalityStatus") : List.of());
        }
    }

    @Nested
    class Rule11Principal {

        @Test
        void rejectsAPrincipalPersonIdThatIsADependant() {
            ObjectNode dossier = family();
            dossier.put("principalPersonId", "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d");

            assertThat(pointers(validate(dossier))).containsExactly("/principalPersonId");
        }

        @Test
        void rejectsADossierWithoutPrincipal() {
            ObjectNode dossier = family();
            object(dossier, "/persons/0").put("role", "DEPENDANT");

            assertThat(pointers(validate(dossier))).containsExactly("/persons");
        }

        @Test
        void rejectsADuplicatePersonId() {
            ObjectNode dossier = family();
            object(dossier, "/persons/2").put("personId", "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d");
            ((ArrayNode) dossier.path("relationships")).remove(3);
            ((ArrayNode) dossier.path("relationships")).remove(2);
            ((ArrayNode) dossier.path("relationships")).remove(1);

            assertThat(validate(dossier).violations())
                    .contains(new Violation("/persons/2/personId", PrincipalRules.DUPLICATE_PERSON));
        }

        @Test
        void reportsTheSecondPrincipalNotTheNamedOne() {
            ObjectNode dossier = family();
            object(dossier, "/persons/1").put("role", "PRINCIPAL");
            dossier.put("principalPersonId", "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d");

            assertThat(pointers(validate(dossier))).containsExactly("/persons/0/role");
        }
    }

    @Nested
    class Rule12EurodacAge {

        private ObjectNode childFingerprinted(String birth, String precision, String capturedAt) {
            ObjectNode dossier = family();
            object(dossier, "/persons/2/dateOfBirth").put("value", birth).put("precision", precision);
            ((ArrayNode) dossier.at("/persons/2/biometrics")).addObject().put("modality", "FINGERPRINTS")
                    .put("capturedAt", capturedAt).put("eurodacRef", "DK1-26-0093320").put("templateRef", "bio-1");
            return dossier;
        }

        @Test
        void acceptsTheSixthBirthday() {
            assertThat(validate(childFingerprinted("2020-11-03", "DAY", "2026-11-03T00:00:00Z")).violations())
                    .isEmpty();
        }

        @Test
        void rejectsTheDayBefore() {
            assertThat(pointers(validate(childFingerprinted("2020-11-04", "DAY", "2026-11-03T23:59:59Z"))))
                    .containsExactly("/persons/2/biometrics/0");
        }

        @Test
        void judgesByTheLatestPossibleBirthDate() {
            assertThat(pointers(validate(childFingerprinted("2020-XX-XX", "YEAR", "2026-11-03T10:00:00Z"))))
                    .containsExactly("/persons/2/biometrics/0");
        }

        @Test
        void ignoresFingerprintsWithoutEurodacRefAndFaces() {
            ObjectNode dossier = childFingerprinted("2024-01-01", "DAY", "2026-11-03T10:00:00Z");
            object(dossier, "/persons/2/biometrics/0").remove("eurodacRef");
            ((ArrayNode) dossier.at("/persons/2/biometrics")).addObject().put("modality", "FACE")
                    .put("capturedAt", "2026-11-03T10:00:00Z").put("eurodacRef", "x").put("templateRef", "bio-2");

            assertThat(validate(dossier).violations()).isEmpty();
        }
    }

    @Nested
    class Rule13Cpr {

        private ObjectNode withCpr(int person, String value) {
            ObjectNode dossier = family();
            ((ArrayNode) dossier.at("/persons/" + person + "/identifiers")).addObject()
                    .put("scheme", "DK_CPR").put("value", value);
            return dossier;
        }

        @ParameterizedTest
        @ValueSource(strings = {"020619-4000", "0206194000", "290200-1234", "311299-0001", "010100-0000"})
        void acceptsRealDatesWithOrWithoutHyphenAndWithoutModulus11(String cpr) {
            assertThat(validate(withCpr(2, cpr)).violations()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"290201-1234", "310419-1234", "000119-1234", "021319-1234", "020619 4000",
                "020619--4000", "02061-94000", "020619-400", "O20619-4000", "０２０６１９-4000"})
        void rejectsMalformedValuesAndImpossibleDates(String cpr) {
            assertThat(pointers(validate(withCpr(2, cpr)))).containsExactly("/persons/2/identifiers/0/value");
        }

        @Test
        void rejectsACprOnThePrincipal() {
            assertThat(pointers(validate(withCpr(0, "140391-4000"))))
                    .containsExactly("/persons/0/identifiers/3/scheme");
        }
    }
}
