package dk.dkrw.hub.event;

import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each invalid sample against its row in the table of samples/events/README.md:
 * exactly the expected pointers, each with a message starting as the row says.
 */
class InvalidEventSamplesTest {

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
        String readme = new String(EventSamples.bytes(EventSamples.EVENTS.resolve("README.md")),
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
    void invalidSampleReportsExactlyItsExpectedPointersAndMessages(Row row) {
        List<Violation> reported = EventSamples.validate(EventSamples.read("invalid/" + row.file()));

        assertThat(row.code()).isEqualTo("validation-failed");
        assertThat(EventSamples.pointers(reported))
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
        List<String> documented = rows().map(Row::file).toList();

        assertThat(documented).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(EventSamples.files("invalid", ".json"));
        assertThat(documented).contains("schema-missing-event-id.json", "schema-unknown-property.json",
                "schema-field-of-another-type.json", "schema-decision-with-an-appeal-outcome.json",
                "rule-recorded-before-occurred.json", "rule-case-id-differs-from-path.json",
                "multiple-violations.json");
    }

    @Test
    void everyRowExpectsAtLeastOnePointer() {
        assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row.expected()).isNotEmpty());
    }
}
