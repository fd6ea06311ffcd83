package dk.dkrw.hub.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EdtfTest {

    @ParameterizedTest(name = "{0} -> {1}..{2}")
    @CsvSource({
            "1991-03-14, 1991-03-14, 1991-03-14",
            "1990-05-XX, 1990-05-01, 1990-05-31",
            "2024-02-XX, 2024-02-01, 2024-02-29",
            "2023-02-XX, 2023-02-01, 2023-02-28",
            "1987-XX-XX, 1987-01-01, 1987-12-31",
    })
    void rangeSpansEveryPossibleDate(String value, LocalDate earliest, LocalDate latest) {
        assertThat(Edtf.range(value)).isEqualTo(new BirthDateRange(earliest, latest));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1991-03-14, DAY", "1990-05-XX, MONTH", "1987-XX-XX, YEAR", "XXXX-XX-XX, UNKNOWN"})
    void maskTellsThePrecision(String value, Edtf.Precision precision) {
        assertThat(Edtf.maskPrecision(value)).isEqualTo(precision);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-XX-15", "XXXX-05-XX", "XXXX-XX-01", "XXXX-05-15"})
    void irregularMasksHaveNoPrecisionButAreWellFormed(String value) {
        assertThat(Edtf.maskPrecision(value)).isNull();
        assertThat(Edtf.wellFormed(value)).isTrue();
        assertThat(Edtf.range(value)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1990-5-14", "19900514", "1990-05-14T00:00", "199X-05-14", "1990-0X-14", "1990/05/14",
            "١٩٩٠-٠٥-١٤", "1990-05-1X"})
    void malformedValuesAreNeitherWellFormedNorReadable(String value) {
        assertThat(Edtf.wellFormed(value)).isFalse();
        assertThat(Edtf.maskPrecision(value)).isNull();
        assertThat(Edtf.range(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-02-30", "2023-02-29", "1990-13-XX", "1990-00-01", "1990-04-31", "1990-01-00"})
    void impossibleDatesAreNotCalendarDates(String value) {
        assertThat(Edtf.isCalendarDate(value)).isFalse();
        assertThat(Edtf.range(value)).isNull();
    }

    @Test
    void leapDayIsACalendarDateInALeapYear() {
        assertThat(Edtf.isCalendarDate("2024-02-29")).isTrue();
    }

    @Test
    void wholyUnknownDateHasNoRange() {
        assertThat(Edtf.isCalendarDate("XXXX-XX-XX")).isTrue();
        assertThat(Edtf.range("XXXX-XX-XX")).isNull();
    }

    @Test
    void rangeJudgesMinorsByTheLatestAndAdultsOver120ByTheLatestToo() {
        BirthDateRange born2008 = Edtf.range("2008-XX-XX");
        LocalDate created = LocalDate.parse("2026-11-20");

        assertThat(born2008.possiblyYoungerThan(18, created)).isTrue();  // may be born 2008-12-31
        assertThat(Edtf.range("2008-01-10").possiblyYoungerThan(18, created)).isFalse();
        assertThat(Edtf.range("1905-XX-XX").certainlyOlderThan(120, created)).isFalse(); // may be 120
        assertThat(Edtf.range("1905-10-01").certainlyOlderThan(120, created)).isTrue();
    }

    @Test
    void assessedYearsWidenTheRange() {
        BirthDateRange widened = Edtf.range("2008-XX-XX").union(BirthDateRange.ofYears(2006, 2009));

        assertThat(widened).isEqualTo(new BirthDateRange(LocalDate.of(2006, 1, 1), LocalDate.of(2009, 12, 31)));
    }
}
