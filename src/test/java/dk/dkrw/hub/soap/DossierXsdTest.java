package dk.dkrw.hub.soap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published XSD is true to the mapping: the XML form of every valid sample is valid against it. */
class DossierXsdTest {

    static Stream<Path> validSamples() throws IOException {
        return Files.list(Path.of("samples/dossiers/valid")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private static Validator validator() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(Path.of("schemas/dk-dossier-1.xsd").toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return validator;
    }

    private static String xmlOf(Path sample) throws IOException {
        return new DossierXmlMapper().toXml(new ObjectMapper().readTree(Files.readAllBytes(sample)));
    }

    @ParameterizedTest
    @MethodSource("validSamples")
    void theXmlFormOfEveryValidSampleIsValidAgainstTheXsd(Path sample) throws Exception {
        Validator validator = validator();
        String xml = xmlOf(sample);
        assertThatCode(() -> validator.validate(new StreamSource(new StringReader(xml)))).doesNotThrowAnyException();
    }

    @Test
    void theXsdRefusesAMemberTheFormatDoesNotDefine() throws Exception {
        Validator validator = validator();
        String xml = xmlOf(Path.of("samples/dossiers/invalid/schema-unknown-property.json"));
        assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(xml))))
                .isInstanceOf(SAXException.class);
    }
}
