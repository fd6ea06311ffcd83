package dk.dkrw.hub.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MrzCheckTest {

    /** The ICAO Doc 9303 part 4 specimen (Anna Maria Eriksson, Utopia). */
    private static final String ICAO_SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"L898902C3, 6", "740812, 2", "120415, 9", "ZE184226B<<<<<, 1", "Q7R204518, 4", "910314, 4",
            "290922, 2", "87<<<<, 7", "<<<<<<, 0", "AB2134<<<, 5"})
    void checkDigitWeighs731(String field, int digit) {
        assertThat(MrzCheck.checkDigit(field)).isEqualTo(digit);
    }

    @Test
    void icaoSpecimenVerifies() {
        String line2 = MrzCheck.td3Line2(ICAO_SPECIMEN);

        assertThat(MrzCheck.badCheckDigits(line2)).isEmpty();
        assertThat(MrzCheck.documentNumber(line2)).isEqualTo("L898902C3");
        assertThat(MrzCheck.birthDate(line2)).isEqualTo("740812");
        assertThat(MrzCheck.sex(line2)).isEqualTo('F');
    }

    @Test
    void sharedExampleMrzVerifiesAndReadsItsFields() {
        String mrz = Samples.family().at("/persons/0/documents/0/mrz").textValue();
        String line2 = MrzCheck.td3Line2(mrz);

        assertThat(MrzCheck.badCheckDigits(line2)).isEmpty();
        assertThat(MrzCheck.documentNumber(line2)).isEqualTo("Q7R204518");
        assertThat(MrzCheck.birthDate(line2)).isEqualTo("910314");
        assertThat(MrzCheck.sex(line2)).isEqualTo('M');
    }

    @Test
    void yearPrecisionSampleHasUnknownMonthAndDayWithValidCheckDigits() {
        String mrz = Samples.read("valid/edge-year-precision-mrz.json").at("/persons/0/documents/0/mrz").textValue();
        String line2 = MrzCheck.td3Line2(mrz);

        assertThat(MrzCheck.birthDate(line2)).isEqualTo("87<<<<");
        assertThat(MrzCheck.badCheckDigits(line2)).isEmpty();
        assertThat(DocumentRules.mrzDate("1987-XX-XX")).isEqualTo("87<<<<");
    }

    @ParameterizedTest(name = "position {0} -> {1}")
    @CsvSource({"9, DOCUMENT_NUMBER", "19, BIRTH_DATE", "27, EXPIRY_DATE", "42, OPTIONAL_DATA", "43, COMPOSITE"})
    void eachWrongCheckDigitIsNamed(int position, MrzCheck.BadCheckDigit expected) {
        String line2 = MrzCheck.td3Line2(ICAO_SPECIMEN);
        char wrong = line2.charAt(position) == '9' ? '0' : (char) (line2.charAt(position) + 1);
        String tampered = line2.substring(0, position) + wrong + line2.substring(position + 1);

        assertThat(MrzCheck.badCheckDigits(tampered)).contains(expected);
        assertThat(MrzCheck.badCheckDigits(tampered))
                .allMatch(b -> b == expected || b == MrzCheck.BadCheckDigit.COMPOSITE);
    }

    @Test
    void emptyPersonalNumberMayHaveFillerOrZeroAsCheckDigit() {
        String withZero = Samples.family().at("/persons/0/documents/0/mrz").textValue().split("\n")[1];
        String withFiller = withZero.substring(0, 42) + "<" + withZero.charAt(43);

        assertThat(MrzCheck.badCheckDigits(withZero)).isEmpty();
        assertThat(MrzCheck.badCheckDigits(withFiller)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P<UTO\nL898902C3", "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            + "L898902C36UTO7408122F1204159ZE184226B<<<<<10"})
    void otherTextIsNotATd3Passport(String text) {
        assertThat(MrzCheck.td3Line2(text)).isNull();
        assertThat(MrzCheck.td3Line2(null)).isNull();
        assertThat(MrzCheck.td3Line2(ICAO_SPECIMEN + "\n")).isNull();
        assertThat(MrzCheck.td3Line2(ICAO_SPECIMEN.replace('\n', '\r'))).isNull();
        assertThat(MrzCheck.td3Line2(ICAO_SPECIMEN.toLowerCase())).isNull();
    }

    @Test
    void documentNumberIsComparedWithoutPunctuationOrCase() {
        assertThat(DocumentRules.mrzNumber("q7r 204-518")).isEqualTo("Q7R204518");
        assertThat(DocumentRules.mrzDate("1990-05-XX")).isEqualTo("9005<<");
        assertThat(DocumentRules.mrzDate("XXXX-XX-XX")).isEqualTo("<<<<<<");
    }
}
