package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.object;
import static dk.dkrw.hub.validation.Samples.pointers;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;

class DateOfBirthRulesTest {

    private static ObjectNode withSpouseBirth(String value, String precision) {
        ObjectNode dossier = family();
        object(dossier, "/persons/1/dateOfBirth").put("value", value).put("precision", precision);
        return dossier;
    }

    @Nested
    class Rule1PossibleAtCreation {

        @Test
        void acceptsBirthOnTheDayOfCreation() {
            ObjectNode dossier = family();
            object(dossier, "/persons/2/dateOfBirth").put("value", "2026-11-20");

            assertThat(validate(dossier).violations()).isEmpty();
        }

        @Test
        void acceptsAMonthMaskThatStartsBeforeCreation() {
            ObjectNode dossier = family();
            object(dossier, "/persons/2/dateOfBirth").put("value", "2026-11-XX").put("precision", "MONTH");

            assertThat(validate(dossier).violations()).isEmpty();
        }

        @Test
        void rejectsAMonthMaskThatStartsAfterCreation() {
            ObjectNode dossier = family();
            object(dossier, "/persons/2/dateOfBirth").put("value", "2026-12-XX").put("precision", "MONTH");

            assertThat(validate(dossier).violations()).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/persons/2/dateOfBirth/value"))
                    .satisfies(v -> assertThat(v.message()).startsWith("rule 1:"));
        }

        @Test
        void judgesByTheClockWhenCreatedAtIsUnreadable() {
            ObjectNode dossier = family().put("createdAt", "yesterday");
            object(dossier, "/persons/2/dateOfBirth").put("value", "2026-11-29"); // the day after the clock

            assertThat(pointers(validate(dossier))).containsExactly("/createdAt", "/createdAt",
                    "/persons/2/dateOfBirth/value");
        }

        @ParameterizedTest(name = "{0} -> violation {1}")
        @CsvSource({"1906-XX-XX, YEAR, false", "1905-XX-XX, YEAR, false", "1904-XX-XX, YEAR, true",
                "1905-11-20, DAY, true", "1905-11-21, DAY, false"})
        void refusesOnlyAnAgeThatIsOver120EvenAtTheLatestPossibleBirth(String value, String precision,
                                                                        boolean refused) {
            assertThat(pointers(validate(withSpouseBirth(value, precision))))
                    .containsExactlyElementsOf(refused ? List.of("/persons/1/dateOfBirth/value") : List.of());
        }
    }

    @Nested
    class Rule2MaskMatchesPrecision {

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"1994-05-14, DAY", "1994-05-XX, MONTH", "1994-XX-XX, YEAR", "XXXX-XX-XX, UNKNOWN"})
        void acceptsEachPrecisionWithItsMask(String value, String precision) {
            assertThat(validate(withSpouseBirth(value, precision)).violations()).isEmpty();
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"1994-05-14, MONTH", "1994-05-XX, DAY", "1994-05-XX, YEAR", "1994-XX-XX, UNKNOWN",
                "XXXX-XX-XX, YEAR"})
        void rejectsAMaskOfAnotherPrecision(String value, String precision) {
            assertThat(validate(withSpouseBirth(value, precision)).violations()).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/persons/1/dateOfBirth/precision"))
                    .satisfies(v -> assertThat(v.message()).startsWith("rule 2:"));
        }

        @Test
        void rejectsAnIrregularMaskAtTheValue() {
            assertThat(validate(withSpouseBirth("1994-XX-14", "DAY")).violations()).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/persons/1/dateOfBirth/value"))
                    .satisfies(v -> assertThat(v.message()).startsWith("rule 2:"));
        }

        @Test
        void rejectsADateThatDoesNotExist() {
            assertThat(validate(withSpouseBirth("1994-02-30", "DAY")).violations()).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/persons/1/dateOfBirth/value"))
                    .satisfies(v -> assertThat(v.message()).isEqualTo(DateOfBirthRules.NOT_A_DATE));
        }

        @Test
        void rejectsAReversedAssessedRange() {
            ObjectNode dossier = Samples.read("valid/edge-age-assessed-minor.json");
            object(dossier, "/persons/0/dateOfBirth/assessedRange").put("earliest", 2010);

            assertThat(validate(dossier).violations()).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/persons/0/dateOfBirth/assessedRange"))
                    .satisfies(v -> assertThat(v.message()).isEqualTo(DateOfBirthRules.RANGE_REVERSED));
        }
    }
}
