package dk.dkrw.hub.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.bytes(JSON.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void producesTheRfc8785SectionThreeTwoTwoExample() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAsRfc8785SectionThreeTwoThree() throws Exception {
        String input = "{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4,\"\\ud83d\\ude00\":5,\"\\u0080\":6,"
                + "\"\\u00f6\":7}";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,"
                + "\"\ud83d\ude00\":5,\"\ufb33\":3}");
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0", "-0.0, 0", "1, 1", "-1, -1", "1e20, 100000000000000000000", "1e21, 1e+21",
            "0.000001, 0.000001", "1e-7, 1e-7", "123.456, 123.456",
            "1.7976931348623157e308, 1.7976931348623157e+308", "9007199254740992, 9007199254740992",
            "9007199254740993, 9007199254740992", "-12.5e3, -12500", "2147483648, 2147483648"
    })
    void writesNumbersInEcmaScriptForm(String input, String expected) throws Exception {
        assertThat(canonical("[" + input + "]")).isEqualTo("[" + expected + "]");
    }

    @Test
    void givesTheSameBytesForTheSameContentWrittenDifferently() throws Exception {
        String compact = "{\"b\":[1,2,{\"y\":true,\"x\":null}],\"a\":\"\u00c5se\"}";
        String pretty = "{\n  \"a\" : \"\\u00c5se\",\n  \"b\" : [ 1, 2, { \"x\" : null, \"y\" : true } ]\n}";
        assertThat(canonical(pretty)).isEqualTo(canonical(compact))
                .isEqualTo("{\"a\":\"\u00c5se\",\"b\":[1,2,{\"x\":null,\"y\":true}]}");
    }

    @Test
    void keepsUnicodeLiteralAndDoesNotNormalise() throws Exception {
        // NFD and NFC are different content to the hash; normalisation is a validation rule, not canonical form
        assertThat(canonical("[\"A\\u030a\", \"\\u2028\"]")).isEqualTo("[\"A\u030a\",\"\u2028\"]");
    }

    @Test
    void refusesALoneSurrogate() {
        JsonNode lone = JSON.createArrayNode().add(TextNode.valueOf("a\ud800b"));
        assertThatThrownBy(() -> CanonicalJson.bytes(lone)).isInstanceOf(IllegalArgumentException.class);
    }
}
