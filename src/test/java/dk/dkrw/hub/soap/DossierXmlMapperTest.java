package dk.dkrw.hub.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DossierXmlMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = DossierXmlMapper.NAMESPACE;

    private final DossierXmlMapper mapper = new DossierXmlMapper();

    static Stream<Path> samples() throws IOException {
        return Stream.concat(Files.list(Path.of("samples/dossiers/valid")),
                Files.list(Path.of("samples/dossiers/invalid"))).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private JsonNode roundTrip(JsonNode json) {
        return mapper.toJson(SafeXml.parse(mapper.toXml(json)).getDocumentElement());
    }

    private JsonNode fromXml(String inner) {
        return mapper.toJson(SafeXml.parse("<dossier xmlns=\"" + NS + "\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + inner + "</dossier>")
                .getDocumentElement());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleRoundTripsJsonToXmlToAnEqualJsonTree(Path sample) throws IOException {
        JsonNode json = JSON.readTree(Files.readAllBytes(sample));
        assertThat(roundTrip(json)).isEqualTo(json);
    }

    @Test
    void typesTextByTheDossierSchema() {
        JsonNode json = fromXml("<version>2</version><dkCaseNo>2</dkCaseNo><persons><item><sex>1</sex>"
                + "<languages><item><interpreterNeeded>true</interpreterNeeded></item></languages></item></persons>"
                + "<relationships/><attachments><item><sizeBytes>2480</sizeBytes></item></attachments>");
        assertThat(json.get("version").isInt()).isTrue();
        assertThat(json.get("dkCaseNo").textValue()).isEqualTo("2");
        assertThat(json.at("/persons/0/sex").intValue()).isEqualTo(1);
        assertThat(json.at("/persons/0/languages/0/interpreterNeeded").isBoolean()).isTrue();
        assertThat(json.get("relationships").isArray()).isTrue();
        assertThat(json.get("relationships").size()).isZero();
        assertThat(json.at("/attachments/0/sizeBytes").intValue()).isEqualTo(2480);
    }

    @Test
    void keepsTextThatDoesNotFitTheSchemaTypeAsAStringForValidationToReport() {
        JsonNode json = fromXml("<version>two</version><persons><item><sex/></item></persons>");
        assertThat(json.get("version").textValue()).isEqualTo("two");
        assertThat(json.at("/persons/0/sex").textValue()).isEmpty();
    }

    @Test
    void carriesEveryCharacterOfAStringIncludingCarriageReturnsAndMarkup() throws IOException {
        JsonNode json = JSON.readTree("{\"dkCaseNo\":\"a\\r\\nb <&> \\t \\u202e \\ud83d\\ude00 ]]> \",\"nickname\":null}");
        assertThat(roundTrip(json)).isEqualTo(json);
    }

    @Test
    void typesAMemberTheSchemaDoesNotKnowByItsContent() {
        JsonNode json = fromXml("<extra><a>1</a></extra><list><item>x</item></list>");
        assertThat(json.at("/extra/a").textValue()).isEqualTo("1");
        assertThat(json.at("/list/0").textValue()).isEqualTo("x");
    }

    @Test
    void refusesAMemberGivenTwice() {
        assertMalformed(() -> fromXml("<dkCaseNo>1</dkCaseNo><dkCaseNo>2</dkCaseNo>"));
    }

    @Test
    void refusesAttributesElementsInOtherNamespacesAndTextBesideElements() {
        assertMalformed(() -> fromXml("<dkCaseNo lang=\"da\">1</dkCaseNo>"));
        assertMalformed(() -> fromXml("<x:dkCaseNo xmlns:x=\"urn:other\">1</x:dkCaseNo>"));
        assertMalformed(() -> fromXml("<persons>text<item/></persons>"));
        assertMalformed(() -> fromXml("<persons><person/></persons>"));
        assertMalformed(() -> mapper.toJson(SafeXml.parse("<dossier/>").getDocumentElement()));
    }

    @Test
    void refusesJsonWithoutAnXmlForm() {
        assertThatThrownBy(() -> mapper.toXml(JSON.createObjectNode().put("1st", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mapper.toXml(JSON.createObjectNode().put("a", "bell\u0007")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMalformed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED_BODY));
    }
}
