package dk.dkrw.hub.logscan;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test (its own Failsafe execution, see pom.xml) and searches the log output of the
 * whole run, unit tests, in-process hubs and hub processes alike, for the personal data in the samples:
 * names, dates of birth, document numbers, MRZ lines and Danish identifiers. Any hit fails the build.
 */
class LogScanIT {

    @Test
    void noApplicantNameBirthDateOrDocumentNumberAppearsInTheLogs() throws IOException {
        Set<String> personal = personalValues();
        assertThat(personal).as("values to search for").hasSizeGreaterThan(20);
        List<Path> logs;
        try (Stream<Path> files = Files.walk(Path.of("target", "test-logs"))) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).as("log files of the test run").isNotEmpty();
        long scanned = 0;
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            scanned += text.length();
            for (String value : personal) {
                assertThat(text.contains(value)).as("personal value of length %d found in %s", value.length(),
                        log.getFileName()).isFalse();
            }
        }
        assertThat(scanned).isGreaterThan(10_000);
    }

    private static Set<String> personalValues() throws IOException {
        Set<String> values = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Samples.DIR.resolve("dossiers"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                collect(Dossiers.read(Files.readAllBytes(file)), values);
            }
        }
        values.removeIf(v -> v.length() < 6);
        return values;
    }

    private static void collect(JsonNode dossier, Set<String> values) {
        add(values, dossier.path("udlNr"));
        add(values, dossier.path("dkCaseNo"));
        for (JsonNode person : dossier.path("persons")) {
            for (JsonNode name : person.path("names")) {
                add(values, name.path("fullText"));
                add(values, name.path("latinTranslit"));
            }
            add(values, person.path("dateOfBirth").path("value"));
            for (JsonNode document : person.path("documents")) {
                add(values, document.path("number"));
                for (String line : document.path("mrz").asText("").split("\n")) {
                    values.add(line);
                }
            }
            for (JsonNode identifier : person.path("identifiers")) {
                add(values, identifier.path("value"));
            }
            add(values, person.path("legalRep").path("name"));
        }
    }

    private static void add(Set<String> values, JsonNode node) {
        if (node.isTextual()) {
            values.add(node.asText());
        }
    }
}
