package dk.dkrw.hub.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of one {@code /actuator/prometheus} scrape, summed over the labels a test asks about. */
public final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: metric name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Prometheus(List<Sample> samples) {
        this.samples = samples;
    }

    public static Prometheus parse(String exposition) {
        return new Prometheus(exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(SAMPLE::matcher).filter(Matcher::matches).map(m -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    if (m.group(3) != null) {
                        Matcher label = LABEL.matcher(m.group(3));
                        while (label.find()) {
                            labels.put(label.group(1), label.group(2));
                        }
                    }
                    return new Sample(m.group(1), labels, Double.parseDouble(m.group(4)));
                }).toList());
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}; 0 when none. */
    public double sum(String name, Map<String, String> labels) {
        return samples(name).stream().filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    public boolean has(String name, Map<String, String> labels) {
        return samples(name).stream().anyMatch(s -> s.labels().entrySet().containsAll(labels.entrySet()));
    }
}
