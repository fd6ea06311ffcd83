package dk.dkrw.hub.bench;

import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark: starts its own hub ({@code java -jar}, embedded defaults, or the embedded broker with
 * PostgreSQL), drives it over mutual TLS as the agencies and Kigali would, measures the limit in the same run
 * and writes {@code bench/results/<date>-<sha>.json} and {@code .md}. See bench/README.md.
 *
 * <p>Options: {@code --quick} (smaller runs), {@code --sustained-minutes=N} (the leak check; 0 skips),
 * {@code --db=postgres}, {@code --skip-gib} (skip the 1 GiB attachment), {@code --jfr} (record the hub).
 */
public final class Benchmark {

    private final BenchOptions options;
    private final Report report = new Report();
    private final List<SyntheticDossiers.Attachment> pool = new ArrayList<>();

    private Benchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // the generator's clients drop an idle connection before the hub does (Tomcat: 60 s): a POST on a connection
        // the hub has just closed fails, and the JDK client does not retry it (15 of 16 clients once lost a request)
        System.setProperty("jdk.httpclient.keepalive.timeout", "30");
        Benchmark benchmark = new Benchmark(BenchOptions.parse(args));
        Path json = benchmark.run();
        System.out.println();
        System.out.println(benchmark.report.table());
        System.out.println("results: " + json + " (and .md)");
        System.exit(0);
    }

    private Path run() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "bench-");
        report.put("date", LocalDate.now().toString());
        report.put("commit", options.commit());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        report.put("options", options.describe());

        Limits limits = new Limits(options, report);
        if (options.runs("limit")) {
            limits.measure(work);
        }
        FastDanishEndpoint denmark = FastDanishEndpoint.launch();
        try (BenchHub hub = BenchHub.start(work.resolve("hub"), "bench-hub", options.jvmOptions("512m"),
                options.hubArgs(denmark.url()))) {
            idle(hub);
            uploadPool(hub);
            Phases phases = new Phases(hub, options, report, pool, denmark);
            double bestClosedLoop = options.runs("scaling") ? phases.scaling() : 0;
            if (options.runs("sizes")) {
                phases.sizes();
            }
            if (options.runs("open")) {
                phases.openLoop();
            }
            if (options.runs("pull")) {
                phases.kigaliPull();
            }
            if (options.runs("events")) {
                phases.eventDelivery();
            }
            if (options.runs("sustained")) {
                phases.sustained();
            }
            if (options.runs("limit") && options.runs("scaling")) {
                limits.judge(bestClosedLoop);
            }
        } finally {
            denmark.shutdown();
        }
        if (!options.skipGib() && options.runs("gib")) {
            try {
                new GibAttachment(options, report, work.resolve("gib")).run();
            } catch (Exception e) {
                // the rows measured so far are still written; the failure is a row of its own
                report.put("gibAttachment", Map.of("error", String.valueOf(e.getMessage())));
                report.row("1 GiB attachment up+down at -Xmx256m", "failed: " + e.getMessage(), "same sha256",
                        Report.verdict(false));
            }
        }
        String stem = LocalDate.now() + "-" + options.commit();
        Path written = report.write(Path.of("bench", "results"), stem);
        // the hub's data (a sustained run leaves tens of GB of database) is not kept unless asked (-Dbench.keep=true);
        // its logs are in target/test-logs
        if (!Boolean.getBoolean("bench.keep")) {
            FileSystemUtils.deleteRecursively(work);
        }
        return written;
    }

    private void idle(BenchHub hub) throws InterruptedException {
        double seconds = hub.startToReady().toMillis() / 1000.0;
        Thread.sleep(5_000);
        double idleRss = hub.stats.rssMiB();
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("startToReadySeconds", seconds);
        start.put("idleRssMiB", idleRss);
        report.put("startup", start);
        report.row("start to ready (java -jar, readiness UP)", String.format("%.1f s", seconds), "≤ 8 s",
                Report.verdict(seconds <= 8));
        report.row("idle RSS after start", String.format("%.0f MiB", idleRss), "≤ 400 MiB",
                Report.verdict(idleRss <= 400));
    }

    private void uploadPool(BenchHub hub) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 12; i++) {
            byte[] bytes = new byte[8_192 + random.nextInt(32_768)];
            random.nextBytes(bytes);
            pool.add(hub.upload(bytes));
        }
    }
}
