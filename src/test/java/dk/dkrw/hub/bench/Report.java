package dk.dkrw.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the run's figures and writes them as {@code <date>-<sha>.json} and a short markdown table. */
final class Report {

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    void put(String key, Object value) {
        results.put(key, value);
    }

    /** A line of the markdown table: what, figure, target (or empty), verdict (or empty). */
    void row(String what, String figure, String target, String verdict) {
        rows.add(new String[] {what, figure, target, verdict});
    }

    static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    Path write(Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(stem + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        StringBuilder md = new StringBuilder("# Benchmark " + stem + "\n\n| measure | result | target | |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        Files.writeString(dir.resolve(stem + ".md"), md);
        return json;
    }

    String table() {
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append(String.format("%-48s %-28s %-16s %s%n", row[0], row[1], row[2], row[3]));
        }
        return text.toString();
    }
}
