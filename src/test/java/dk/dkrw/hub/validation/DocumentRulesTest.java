package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.object;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentRulesTest {

    private static final String PASSPORT = "/persons/0/documents/0";

    @Nested
    class Rule8ValidityDates {

        @ParameterizedTest
        @ValueSource(strings = {"2019-09-23", "2019-09-22"})
        void rejectsExpiryOnOrBeforeIssue(String expiry) {
            ObjectNode dossier = family();
            object(dossier, PASSPORT).put("expiryDate", expiry);

            assertThat(validate(dossier).violations())
                    .anySatisfy(v -> assertThat(v).isEqualTo(
                            new Violation(PASSPORT + "/expiryDate",
                                    DocumentRules.EXPIRY_NOT_AFTER_ISSUE)));
        }

        @Test
        void acceptsAnExpiredPassport() {
            ObjectNode dossier = family();
            object(dossier, PASSPORT).put("issueDate", "2009-09-23").put("expiryDate", "2019-09-22").remove("mrz");

            assertThat(validate(dossier).violations()).isEmpty();
        }

        @Test
        void acceptsOtherDocumentsWithoutExpiry() {
            ObjectNode dossier = family();
            object(dossier, PASSPORT).put("docType", "BIRTH_CERT").remove("expiryDate");

            assertThat(validate(dossier).violations()).isEmpty();
        }
    }

    @Nested
    class Rule9Mrz {

        private ObjectNode withMrzLine2(String line2) {
            ObjectNode dossier = family();
            String mrz = dossier.at(PASSPORT + "/mrz").textValue();
            object(dossier, PASSPORT).put("mrz", mrz.substring(0, 45) + line2);
            return dossier;
        }

        @Test
        void rejectsADocumentNumberThatDisagrees() {
            ObjectNode dossier = family();
            object(dossier, PASSPORT).put("number", "Q7R204519");

            assertThat(validate(dossier).violations()).singleElement()
                    .isEqualTo(new Violation(PASSPORT + "/mrz", DocumentRules.NUMBER_DISAGREES));
        }

        @Test
        void acceptsANumberWrittenWithSpacesAndLowerCase() {
            ObjectNode dossier = family();
            object(dossier, PASSPORT).put("number", "q7r 204 518");

            assertThat(validate(dossier).violations()).isEmpty();
        }

        @Test
        void rejectsASexThatDisagrees() {
            ObjectNode dossier = family();
            object(dossier, "/persons/0").put("sex", 2);

            assertThat(validate(dossier).violations()).singleElement()
                    .isEqualTo(new Violation(PASSPORT + "/mrz", DocumentRules.SEX_DISAGREES));
        }

        @Test
        void acceptsFillerOrXForSexNotKnownOrNotApplicable() {
            // sex at position 21 is not covered by any check digit, so it can change alone
            for (char mrzSex : new char[] {'<', 'X'}) {
                for (int iso : new int[] {0, 9}) {
                    ObjectNode dossier = withMrzLine2("Q7R2045184ERI9103144" + mrzSex + "2909222<<<<<<<<<<<<<<06");
                    object(dossier, "/persons/0").put("sex", iso);

                    assertThat(validate(dossier).violations()).as("%s / %s", mrzSex, iso).isEmpty();
                }
            }
        }

        @Test
        void rejectsAnUnknownBirthDayWrittenAsKnownInTheMrz() {
            ObjectNode dossier = family();
            object(dossier, "/persons/0/dateOfBirth").put("value", "1991-03-XX").put("precision", "MONTH");

            assertThat(validate(dossier).violations()).singleElement().isEqualTo(
                    new Violation(PASSPORT + "/mrz", DocumentRules.BIRTH_DATE_DISAGREES));
        }

        @Test
        void reportsEveryWrongCheckDigit() {
            ObjectNode dossier = withMrzLine2("Q7R2045185ERI9103145M2909223<<<<<<<<<<<<<<06");

            assertThat(validate(dossier).violations()).extracting(Violation::message)
                    .containsExactly("rule 9: the MRZ document number check digit is wrong",
                            "rule 9: the MRZ birth date check digit is wrong",
                            "rule 9: the MRZ expiry date check digit is wrong",
                            "rule 9: the MRZ composite check digit is wrong");
        }

        @Test
        void leavesAMalformedMrzToTheSchema() {
            ObjectNode dossier = family();
            object(dossier, PASSPORT).put("mrz", "P<ERI");

            assertThat(validate(dossier).violations()).singleElement()
                    .isEqualTo(new Violation(PASSPORT + "/mrz",
                            "does not match the required pattern"));
        }
    }
}
