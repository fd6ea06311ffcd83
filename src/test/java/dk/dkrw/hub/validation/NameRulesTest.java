package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;

import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.object;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;

class NameRulesTest {

    private static final String ALIAS = "/persons/0/names/2/fullText";

    private static ValidationReport withAlias(String fullText) {
        ObjectNode dossier = family();
        object(dossier, "/persons/0/names/2").put("fullText", fullText);
        return validate(dossier);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00C5", "212B", "0041 030A"})
    void acceptsEveryEncodingOfARingAboveA(String codePoints) {
        StringBuilder a = new StringBuilder();
        for (String cp : codePoints.split(" ")) {
            a.appendCodePoint(Integer.parseInt(cp, 16));
        }
        String name = "Karen " + a + "rsted";

        assertThat(withAlias(name).violations()).isEmpty();
        assertThat(Normalizer.normalize(name, Normalizer.Form.NFC)).isEqualTo("Karen \u00C5rsted");
    }

    @Test
    void acceptsADecomposedNameLongerThan200CodePointsThat200InNfc() {
        String nfc = "Å".repeat(200);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd.codePointCount(0, nfd.length())).isEqualTo(400);

        assertThat(withAlias(nfd).violations()).isEmpty();
        assertThat(withAlias(nfc + "A").violations()).singleElement()
                .isEqualTo(new Violation(ALIAS, NameRules.TOO_LONG));
    }

    @Test
    void acceptsLeftToRightAndRightToLeftMarks() {
        assertThat(withAlias("\u200Fأمانويل\u200E Tesfai").violations()).isEmpty();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void rejectsBidiEmbeddingsOverridesAndIsolates(int codePoint) {
        assertThat(withAlias("Amanuel " + Character.toString(codePoint) + "Tesfai").violations()).singleElement()
                .isEqualTo(new Violation(ALIAS, NameRules.BIDI));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x1B, 0x7F, 0x85, 0x9F, 0x2028, 0x2029})
    void rejectsControlCharacters(int codePoint) {
        assertThat(withAlias("Amanuel" + Character.toString(codePoint) + "Tesfai").violations()).singleElement()
                .isEqualTo(new Violation(ALIAS, NameRules.CONTROL));
    }

    @Test
    void rejectsAnUnpairedSurrogate() {
        assertThat(withAlias("Amanuel \uD800Tesfai").violations()).singleElement()
                .isEqualTo(new Violation(ALIAS, NameRules.NOT_UNICODE));
        assertThat(withAlias("Amanuel \uD835\uDC00 Tesfai").violations()).isEmpty(); // a paired surrogate
    }

    @Test
    void checksEveryNamePartAndTheLegalRepresentative() {
        ObjectNode dossier = family();
        object(dossier, "/persons/0/names/0").put("primary", "A\u202EB").put("secondary", "A\u0007B");
        object(dossier, "/persons/0/names/1").put("latinTranslit", "A\u2066B");
        object(dossier, "/persons/0/legalRep").put("name", "A\u202DB");

        assertThat(Samples.pointers(validate(dossier))).containsExactly(
                "/persons/0/names/0/primary", "/persons/0/names/0/secondary",
                "/persons/0/names/1/latinTranslit", "/persons/0/legalRep/name");
    }
}
