package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The validator never throws on odd input, is safe to share between threads, and is fast enough to share. */
class RobustnessTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> ODD_VALUES = List.of(NODES.nullNode(), NODES.numberNode(0),
            NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(BigInteger.TEN.pow(30)),
            NODES.textNode(""), NODES.textNode("XXXX-XX-XX"), NODES.textNode("\uD800"), NODES.booleanNode(true),
            NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().add(NODES.objectNode()));

    @Test
    void neverThrowsWhateverNodeIsReplacedOrRemoved() {
        ObjectNode family = Samples.family();
        List<String> pointers = new ArrayList<>();
        collect(family, "", pointers);
        assertThat(pointers).hasSizeGreaterThan(150);

        for (String pointer : pointers) {
            for (JsonNode odd : ODD_VALUES) {
                JsonNode mutated = replaced(family, pointer, odd);
                assertThatCode(() -> Samples.validate(mutated)).as("%s = %s", pointer, odd).doesNotThrowAnyException();
            }
            JsonNode removed = replaced(family, pointer, null);
            assertThatCode(() -> Samples.validate(removed)).as("without %s", pointer).doesNotThrowAnyException();
        }
    }

    @Test
    void reportsAnEmptyObjectAsEveryRequiredFieldMissing() {
        assertThat(Samples.pointers(Samples.validate(NODES.objectNode()))).hasSize(12);
    }

    @Test
    void reportsANonObjectDocumentAsASchemaViolation() {
        for (JsonNode odd : ODD_VALUES.stream().filter(n -> !n.isObject()).toList()) {
            ValidationReport report = Samples.validate(odd);

            assertThat(report.valid()).as("%s", odd).isFalse();
            assertThat(Samples.pointers(report)).as("%s", odd).containsOnly("");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void givesTheSameReportsWhenSharedBetweenThreads() throws Exception {
        List<Path> files = new ArrayList<>(Samples.files("valid", ".json").toList());
        files.addAll(Samples.files("invalid", ".json").toList());
        List<JsonNode> dossiers = new ArrayList<>();
        List<ValidationReport> expected = new ArrayList<>();
        for (Path file : files) {
            JsonNode dossier = new ObjectMapper().readTree(Samples.bytes(file));
            dossiers.add(dossier);
            expected.add(Samples.validate(dossier));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int k = (i + offset * 7) % dossiers.size();
                        if (!Samples.validate(dossiers.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A floor far below the measured ~20,000/s per core: it only catches a gross regression. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void validatesTwoThousandDossiersWellWithinTenSeconds() {
        ObjectNode family = Samples.family();
        for (int i = 0; i < 2_000; i++) {
            assertThat(Samples.validate(family).valid()).isTrue();
        }
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + field.getKey();
                out.add(child);
                collect(field.getValue(), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(pointer + "/" + i);
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** A copy with the node at {@code pointer} replaced by {@code value}, or removed when value is null. */
    private static JsonNode replaced(ObjectNode root, String pointer, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(key);
        } else {
            ((ObjectNode) parent).set(key, value);
        }
        return copy;
    }
}
