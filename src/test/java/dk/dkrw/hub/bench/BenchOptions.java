package dk.dkrw.hub.bench;

import dk.dkrw.hub.support.TestDatabases;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Command-line options of the benchmark and the settings derived from them. */
record BenchOptions(boolean quick, int sustainedMinutes, boolean postgres, boolean skipGib, boolean jfr,
                    int warmUpRounds, java.util.Set<String> phases, String commit) {

    /** Every phase, in the order they run; {@code --phases=a,b} runs a subset. */
    static final java.util.Set<String> ALL_PHASES = java.util.Set.of("limit", "scaling", "sizes", "open", "pull",
            "events", "sustained", "gib");

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        int minutes = 0;
        boolean postgres = false;
        boolean skipGib = false;
        boolean jfr = false;
        int warmUpRounds = -1;
        java.util.Set<String> phases = ALL_PHASES;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--sustained-minutes=")) {
                minutes = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
            } else if (arg.equals("--db=postgres")) {
                postgres = true;
            } else if (arg.equals("--skip-gib")) {
                skipGib = true;
            } else if (arg.equals("--jfr")) {
                jfr = true;
            } else if (arg.startsWith("--warm-up-rounds=")) {
                warmUpRounds = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--phases=")) {
                phases = java.util.Set.of(arg.substring(arg.indexOf('=') + 1).split(","));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (warmUpRounds < 0) {
            warmUpRounds = quick ? 1 : 40;
        }
        return new BenchOptions(quick, minutes, postgres, skipGib, jfr, warmUpRounds, phases, gitCommit());
    }

    Map<String, Object> describe() {
        return Map.of("quick", quick, "sustainedMinutes", sustainedMinutes, "database", postgres ? "postgresql" : "h2",
                "jfr", jfr, "warmUpRounds", warmUpRounds, "phases", new java.util.TreeSet<>(phases));
    }

    /** How many dossiers a closed-loop row sends with {@code clients} clients. */
    int closedLoopCount(int clients) {
        return quick ? Math.max(100, 50 * clients) : Math.min(6_000, Math.max(400, 250 * clients));
    }

    int openLoopSeconds() {
        return quick ? 10 : 30;
    }

    /** The class data sharing archive {@code bench/run} makes from a training start of the extracted jar. */
    static final Path CDS_ARCHIVE = Path.of("target", "cds", "hub.jsa");

    /**
     * The JVM flags production uses (docs/runbook.md, "Starting the hub"): a small initial heap that G1 grows as
     * load needs it, so an idle hub does not hold a large committed heap, and the class data sharing archive when
     * {@code bench/run} has made one.
     */
    List<String> jvmOptions(String heap) {
        List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseG1GC"));
        if (Files.isRegularFile(CDS_ARCHIVE)) {
            options.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
        }
        if (jfr) {
            options.add("-XX:StartFlightRecording=filename=bench/results/" + commit + ".jfr,settings=profile");
        }
        return options;
    }

    List<String> hubArgs(URI denmark) {
        List<String> args = new ArrayList<>(List.of("--hub.denmark.status-endpoint.url=" + denmark,
                "--hub.partner.max-json-bytes=10MB"));
        if (postgres) {
            String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
            args.add("--spring.datasource.url=" + TestDatabases.PG_URL + "?currentSchema=" + schema);
            args.add("--spring.datasource.username=" + TestDatabases.PG_USER);
            args.add("--spring.datasource.password=");
            args.add("--spring.flyway.schemas=" + schema);
        }
        return args;
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
            String sha = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 && !sha.isEmpty() ? sha : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
