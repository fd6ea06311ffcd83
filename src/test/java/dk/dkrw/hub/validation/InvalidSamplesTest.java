package dk.dkrw.hub.validation;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each invalid sample against its row in samples/dossiers/invalid/README.md: the problem code and exactly the
 * expected pointers, each with a message naming its rule (or the schema's words).
 */
class InvalidSamplesTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+\\.json)` \\| ([a-z-]+) \\| (.+?) \\| .*\\|$");
    private static final Pattern EXPECTED = Pattern.compile("`([^`]*)` ([^;]+)");

    record Expected(String pointer, String messageStart) {
    }

    record Row(String file, String code, List<Expected> expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Row> rows() {
        String readme = new String(Samples.bytes(Samples.DOSSIERS.resolve("invalid/README.md")),
                StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (String line : readme.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                List<Expected> expected = new ArrayList<>();
                Matcher entry = EXPECTED.matcher(row.group(3));
                while (entry.find()) {
                    expected.add(new Expected(entry.group(1), entry.group(2).trim()));
                }
                rows.add(new Row(row.group(1), row.group(2), expected));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void invalidSampleReportsExactlyItsExpectedPointersAndRules(Row row) {
        ValidationReport report = Samples.validate(Samples.read("invalid/" + row.file()));

        List<Violation> reported = "attachment-missing".equals(row.code())
                ? report.missingAttachments() : report.violations();
        assertThat(report.valid()).isFalse();
        assertThat(code(report)).isEqualTo(row.code());
        assertThat(Samples.pointers(reported))
                .containsExactlyInAnyOrderElementsOf(row.expected().stream().map(Expected::pointer).toList());
        for (Expected expected : row.expected()) {
            assertThat(reported)
                    .as("a violation at %s starting '%s'", expected.pointer(), expected.messageStart())
                    .anyMatch(v -> v.pointer().equals(expected.pointer())
                            && v.message().startsWith(expected.messageStart()));
        }
    }

    @Test
    void everyInvalidSampleHasARowAndEveryRowAFile() {
        List<String> files = Samples.files("invalid", ".json").map(Path::getFileName).map(Path::toString).toList();
        List<String> documented = rows().map(Row::file).toList();

        assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
        assertThat(documented).contains("schema-missing-dossier-id.json", "schema-unknown-property.json",
                "multiple-violations.json", "attachment-not-held.json");
        for (int rule = 1; rule <= 14; rule++) {
            String prefix = String.format("rule%02d-", rule);
            assertThat(documented).as("a sample for rule %d", rule).anyMatch(f -> f.startsWith(prefix));
        }
    }

    @Test
    void everyRowExpectsAtLeastOnePointer() {
        assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row.expected()).isNotEmpty());
    }

    /** The contract code the report turns into, through the same call the intake uses. */
    private static String code(ValidationReport report) {
        HubException problem = catchThrowableOfType(HubException.class, report::throwIfInvalid);
        return problem == null ? "none" : problem.code().code();
    }
}
