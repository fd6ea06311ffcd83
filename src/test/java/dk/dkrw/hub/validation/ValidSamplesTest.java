package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ValidSamplesTest {

    static Stream<Path> validSamples() {
        return Samples.files("valid", ".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void validSampleHasNoViolationsAndAllAttachmentsHeld(Path file) {
        ValidationReport report = Samples.validate(Samples.read("valid/" + file.getFileName()));

        assertThat(report.violations()).isEmpty();
        assertThat(report.missingAttachments()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void everyEdgeCaseOfTheDomainHasASample() {
        assertThat(validSamples().map(p -> p.getFileName().toString())).contains(
                "dk-dis-family.json", "edge-year-precision-mrz.json", "edge-single-name.json",
                "edge-arabic-script-name.json", "edge-long-name.json", "edge-stateless-family.json",
                "edge-mixed-surnames-household.json", "edge-age-assessed-minor.json");
    }

    @Test
    void samplesAreDistinctDossiersFromTheDanishImmigrationService() {
        Set<String> dossierIds = new HashSet<>();
        Set<String> udlNrs = new HashSet<>();
        validSamples().forEach(file -> {
            JsonNode dossier = Samples.read("valid/" + file.getFileName());
            assertThat(dossier.path("sourceAuthority").asText()).isEqualTo("US");
            assertThat(dossier.path("createdAt").asText()).startsWith("2026-11-20T").endsWith("Z");
            assertThat(dossierIds.add(dossier.path("dossierId").asText())).as("dossierId of %s", file).isTrue();
            assertThat(udlNrs.add(dossier.path("udlNr").asText())).as("udlNr of %s", file).isTrue();
        });
    }

    @Test
    void edgeSamplesCarryTheirEdgeCase() {
        JsonNode year = Samples.read("valid/edge-year-precision-mrz.json").at("/persons/0");
        assertThat(year.at("/dateOfBirth/value").asText()).isEqualTo("1987-XX-XX");
        assertThat(year.at("/documents/0/mrz").asText().split("\n")[1].substring(13, 19)).isEqualTo("87<<<<");

        JsonNode single = Samples.read("valid/edge-single-name.json").at("/persons/0/names/0");
        assertThat(single.path("fullText").asText()).isEqualTo("Nambajimana");
        assertThat(single.has("primary")).isFalse();

        JsonNode arabic = Samples.read("valid/edge-arabic-script-name.json").at("/persons/0/names/0");
        assertThat(arabic.path("script").asText()).isEqualTo("Arab");
        assertThat(arabic.has("latinTranslit")).isTrue();

        String longName = Samples.read("valid/edge-long-name.json").at("/persons/0/names/0/fullText").asText();
        assertThat(longName.codePointCount(0, longName.length())).isEqualTo(120);
        assertThat(longName).contains(" de ", " van der ", " al-", " von ");

        JsonNode stateless = Samples.read("valid/edge-stateless-family.json").path("persons");
        assertThat(stateless.at("/0/nationalities").toString()).isEqualTo("[\"XXA\"]");
        assertThat(stateless.at("/0/nationalityStatus").asText()).isEqualTo("STATELESS");
        assertThat(stateless.at("/1/nationalities").toString()).isEqualTo("[\"XXX\"]");
        assertThat(stateless.at("/1/nationalityStatus").asText()).isEqualTo("UNDETERMINED");

        List<String> surnames = Samples.read("valid/edge-mixed-surnames-household.json").findValues("primary")
                .stream().map(JsonNode::asText).toList();
        assertThat(surnames).doesNotHaveDuplicates().contains("Ærø-Ødegård", "Uwimana");

        JsonNode minor = Samples.read("valid/edge-age-assessed-minor.json").at("/persons/0");
        assertThat(minor.at("/dateOfBirth/source").asText()).isEqualTo("AGE_ASSESSMENT");
        assertThat(minor.at("/dateOfBirth/assessedRange/earliest").asInt()).isEqualTo(2006);
        assertThat(minor.at("/dateOfBirth/assessedRange/latest").asInt()).isEqualTo(2009);
        assertThat(minor.at("/legalRep/type").asText()).isEqualTo("REPRESENTATIVE_56A");
    }
}
