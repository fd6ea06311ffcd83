package dk.dkrw.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The measured phases against a running hub; each adds its figures to the report. */
final class Phases {

    private static final int[] CLIENTS = {1, 2, 4, 8, 16, 32};

    private final BenchHub hub;
    private final BenchOptions options;
    private final Report report;
    private final FastDanishEndpoint denmark;
    private final SyntheticDossiers generator;
    private final LoadDriver agency;
    private final LoadDriver kigali;
    private final ObjectMapper json = new ObjectMapper();

    Phases(BenchHub hub, BenchOptions options, Report report, List<SyntheticDossiers.Attachment> pool,
           FastDanishEndpoint denmark) {
        this.hub = hub;
        this.options = options;
        this.report = report;
        this.denmark = denmark;
        this.generator = new SyntheticDossiers(1, pool);
        this.agency = new LoadDriver(hub.agency);
        this.kigali = new LoadDriver(hub.kigali);
        SyntheticDossiersCheck.requireValid(generator.next(10_240), pool);
    }

    /**
     * Closed loop at 1..32 clients, 10 KB dossiers, after a warm-up that lasts until the JIT compiler has settled.
     * Each row counts a dossier done when it is in the Kigali feed (accepted, forwarded, hub-signed), so a hub that
     * answers fast but leaves a backlog in its case stage does not look faster than it is. Returns the best
     * end-to-end dossiers/s.
     */
    double scaling() throws Exception {
        warmUp();
        Map<String, Object> rows = new LinkedHashMap<>();
        double best = 0;
        for (int clients : CLIENTS) {
            Map<String, Object> row = run("closed loop, " + clients + " clients", clients,
                    prepare(options.closedLoopCount(clients), 10_240));
            rows.put(Integer.toString(clients), row);
            double rate = (double) row.get("inFeedPerSecond");
            best = Math.max(best, rate);
            report.row("closed loop " + clients + " clients (10 KB)", describe(row), "", "");
        }
        report.put("closedLoopByClients", rows);
        report.row("sustained intake (best closed loop, into the feed)", String.format("%.0f dossiers/s", best),
                "≥ 1000/s", Report.verdict(best >= 1000));
        return best;
    }

    /**
     * A freshly started JVM spends a core compiling for minutes: rounds of 1,000 dossiers at 16 clients until the
     * compiler threads use under a tenth of the hub's CPU in a round (at most {@code --warm-up-rounds}, 40: about five minutes on two cores).
     */
    private void warmUp() throws Exception {
        List<Double> compilerShares = new ArrayList<>();
        int rounds = options.warmUpRounds();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Object> row = run("warm-up " + round, 16, prepare(options.quick() ? 300 : 1_000, 10_240));
            double share = (double) row.get("compilerShare");
            compilerShares.add(Math.round(share * 1000) / 1000.0);
            if (share < 0.10) {
                break;
            }
        }
        report.put("warmUpCompilerShareByRound", compilerShares);
        report.row("warm-up (until the JIT compiler settles)", compilerShares.size() + " rounds, compiler share "
                + compilerShares, "", "");
    }

    void sizes() throws Exception {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (int kib : new int[] {2, 10, 100}) {
            int count = kib == 100 ? (options.quick() ? 100 : 600) : (options.quick() ? 300 : 2_000);
            Map<String, Object> row = run("size " + kib + " KB, 16 clients", 16, prepare(count, kib * 1024));
            rows.put(kib + "KB", row);
            report.row("closed loop 16 clients, " + kib + " KB", describe(row), "", "");
        }
        report.put("bySize", rows);
    }

    private static String describe(Map<String, Object> row) {
        return String.format("%.0f/s accepted, %.0f/s into the feed, p99 %.1f ms; hub %.2f cores, %.1f ms CPU "
                        + "per dossier (JIT %.0f %%)", row.get("acceptedPerSecond"), row.get("inFeedPerSecond"),
                row.get("p99Millis"), row.get("hubCores"), row.get("hubCpuMillisPerDossier"),
                100 * (double) row.get("compilerShare"));
    }

    void openLoop() throws Exception {
        int rate = 500;
        int count = rate * options.openLoopSeconds();
        List<byte[]> bodies = bodies(count, 10_240);
        List<String> ids = new ArrayList<>();
        List<HttpRequest> requests = new ArrayList<>();
        for (byte[] body : bodies) {
            ids.add(json.readTree(body).path("dossierId").asText());
            requests.add(hub.dossier(body));
        }
        String cursor = hub.feedCursor();
        LoadDriver.Outcome outcome;
        FeedWatcher watcher = new FeedWatcher(hub.kigali, hub.base, cursor);
        try (watcher) {
            outcome = agency.openLoop("open loop 500/s", requests, rate, i -> watcher.accepted(ids.get(i)));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (watcher.seen() < outcome.ok() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        var feed = watcher.latency();
        Map<String, Object> row = row(outcome, Double.NaN);
        row.put("feedSeen", feed.getTotalCount());
        row.put("feedP50Millis", feed.getValueAtPercentile(50) / 1000.0);
        row.put("feedP99Millis", feed.getValueAtPercentile(99) / 1000.0);
        report.put("openLoop500", row);
        double p99 = outcome.percentileMillis(99);
        double feedP99 = feed.getValueAtPercentile(99) / 1000.0;
        report.row("accept latency p99 at 500/s open loop", String.format("%.1f ms (p50 %.1f, p99.9 %.1f)", p99,
                outcome.percentileMillis(50), outcome.percentileMillis(99.9)), "≤ 50 ms", Report.verdict(p99 <= 50));
        report.row("dossier→feed latency p99 at 500/s", String.format("%.1f ms (%d of %d seen)", feedP99,
                feed.getTotalCount(), outcome.ok()), "≤ 200 ms",
                Report.verdict(feedP99 <= 200 && feed.getTotalCount() == outcome.ok()));
    }

    void kigaliPull() throws Exception {
        long start = System.nanoTime();
        List<String> cases = hub.feedCaseIds();
        double feedSeconds = (System.nanoTime() - start) / 1e9;
        List<String> sample = cases.subList(0, Math.min(cases.size(), options.quick() ? 500 : 3_000));
        List<HttpRequest> gets = sample.stream().map(id -> hub.get("/api/v1/cases/" + id)).toList();
        List<HttpRequest> acks = sample.stream().map(id -> hub.ack(id, 1)).toList();
        LoadDriver.Outcome got = kigali.closedLoop("Kigali get case, 8 clients", gets, 8, i -> { });
        LoadDriver.Outcome acked = kigali.closedLoop("Kigali ack, 8 clients", acks, 8, i -> { });
        double perSecond = sample.size() / (got.seconds() + acked.seconds());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("feedItems", cases.size());
        row.put("feedItemsPerSecond", cases.size() / feedSeconds);
        row.put("getPerSecond", got.perSecond());
        row.put("ackPerSecond", acked.perSecond());
        row.put("casesPulledAndAckedPerSecond", perSecond);
        report.put("kigaliPull", row);
        report.row("Kigali pull (get + ack), 8 clients", String.format("%.0f cases/s (feed %.0f items/s)", perSecond,
                cases.size() / feedSeconds), "", "");
    }

    /**
     * Case events from Kigali to a fast Danish endpoint: a warm-up round (the event code paths are still cold
     * after the dossier phases), then the measured round. The row keeps the end-to-end rate (first post to last
     * acknowledgement) and the rate at which the backlog left when the posting stops is delivered.
     */
    void eventDelivery() throws Exception {
        List<String> cases = hub.feedCaseIds();
        int round = Math.min(cases.size() / 2, options.quick() ? 500 : 3_000);
        eventRound("events warm-up", cases.subList(0, round));
        Map<String, Object> row = eventRound("events", cases.subList(round, 2 * round));
        report.put("eventDelivery", row);
        double delivered = ((Number) row.get("eventsDelivered")).doubleValue();
        double posted = ((Number) row.get("eventsPosted")).doubleValue();
        double endToEnd = (Double) row.get("deliveredPerSecond");
        report.row("event delivery to a fast Danish endpoint", String.format(
                "%.0f events/s end to end (%.0f of %.0f; intake %.0f/s; backlog of %d after intake delivered at "
                        + "%.0f/s)", endToEnd, delivered, posted, (Double) row.get("eventsPostedPerSecond"),
                (Long) row.get("backlogAtIntakeEnd"), (Double) row.get("backlogDeliveredPerSecond")), "≥ 1000/s",
                Report.verdict(endToEnd >= 1000 && delivered == posted));
    }

    private Map<String, Object> eventRound(String name, List<String> caseIds) throws Exception {
        byte[] template = Files.readAllBytes(Path.of("samples/events/valid/01-received.json"));
        List<HttpRequest> events = new ArrayList<>();
        for (String caseId : caseIds) {
            ObjectNode event = (ObjectNode) json.readTree(template);
            event.put("eventId", UUID.randomUUID().toString()).put("caseId", caseId).put("sequence", 1);
            events.add(hub.event(caseId, json.writeValueAsBytes(event)));
        }
        long before = denmark.acknowledged();
        double cpuBefore = hub.stats.cpuSeconds();
        Map<String, Double> threadsBefore = hub.stats.cpuSecondsByThread();
        long start = System.nanoTime();
        LoadDriver.Outcome posted = kigali.closedLoop(name + " in, 16 clients", events, 16, i -> { });
        long intakeEnd = System.nanoTime();
        long ackedAtIntakeEnd = denmark.acknowledged() - before;
        Progress progress = new Progress(name + " delivered to Denmark", posted.ok());
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (denmark.acknowledged() - before < posted.ok() && System.nanoTime() < deadline) {
            progress.update(denmark.acknowledged() - before);
            Thread.sleep(20);
        }
        long delivered = denmark.acknowledged() - before;
        progress.done(delivered);
        double seconds = (denmark.lastAckNanos() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("eventsPosted", posted.ok());
        row.put("eventsPostedPerSecond", posted.perSecond());
        row.put("eventPostStatuses", posted.statuses());
        row.put("eventPostErrors", posted.errors());
        row.put("eventPostMillis", Map.of("p50", posted.percentileMillis(50), "p99", posted.percentileMillis(99),
                "max", posted.percentileMillis(100), "seconds", posted.seconds()));
        row.put("eventsDelivered", delivered);
        row.put("deliveredPerSecond", delivered / seconds);
        // the backlog left when Kigali stopped posting, delivered with the whole machine to itself
        long backlog = delivered - ackedAtIntakeEnd;
        row.put("backlogAtIntakeEnd", backlog);
        row.put("backlogDeliveredPerSecond", backlog / Math.max((denmark.lastAckNanos() - intakeEnd) / 1e9, 1e-3));
        row.put("hubCpuMillisPerEvent", 1000 * (hub.stats.cpuSeconds() - cpuBefore) / Math.max(1, delivered));
        row.put("hubCpuSecondsByThread", ProcessStats.difference(threadsBefore, hub.stats.cpuSecondsByThread()));
        return row;
    }

    void sustained() throws Exception {
        int minutes = options.sustainedMinutes();
        if (minutes <= 0) {
            return;
        }
        int rate = 300;
        int count = rate * 60 * minutes;
        List<Double> heap = new ArrayList<>();
        List<Double> disk = new ArrayList<>();
        heap.add(hub.stats.heapAfterGcMiB());
        disk.add(hub.dataDirMiB());
        Thread sampler = new Thread(() -> {
            try {
                for (int m = 0; m < minutes; m++) {
                    Thread.sleep(60_000);
                    synchronized (heap) {
                        heap.add(hub.stats.heapAfterGcMiB());
                        disk.add(hub.dataDirMiB());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        LoadDriver.Outcome outcome = agency.openLoop("sustained " + minutes + " min at 300/s", count,
                i -> hub.dossier(nextBody(10_240)), rate, i -> { });
        sampler.join(70_000);
        Map<String, Object> row = row(outcome, Double.NaN);
        row.put("heapAfterGcMiBPerMinute", heap);
        row.put("dataDirMiBPerMinute", disk);
        report.put("sustained", row);
        // like for like: the first sample is the idle heap before the load, so it is left out; the heap is flat when
        // the second half of the minutes under load holds no more than the first half (mean, 10 % + 16 MiB margin)
        List<Double> loaded = heap.subList(1, heap.size());
        double firstHalf = mean(loaded.subList(0, loaded.size() / 2));
        double secondHalf = mean(loaded.subList(loaded.size() / 2, loaded.size()));
        report.row("heap after GC over " + minutes + " min at 300/s", String.format(
                "idle %.0f MiB; under load, mean %.0f MiB in the first half, %.0f MiB in the second", heap.get(0),
                firstHalf, secondHalf), "flat", Report.verdict(secondHalf <= firstHalf * 1.1 + 16));
        double grown = disk.get(disk.size() - 1) - disk.get(0);
        report.row("data folder growth over " + minutes + " min at 300/s", String.format(
                "%.0f → %.0f MiB (%.0f KB per accepted dossier)", disk.get(0), disk.get(disk.size() - 1),
                grown * 1024 / Math.max(1, outcome.ok())), "", "");
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private synchronized byte[] nextBody(int size) {
        return generator.next(size);
    }

    /** One closed-loop row, timed until every accepted dossier is in the Kigali feed (at most 2 minutes more). */
    private Map<String, Object> run(String phase, int clients, List<HttpRequest> requests) throws Exception {
        String cursor = hub.feedCursor();
        double cpuBefore = hub.stats.cpuSeconds();
        Map<String, Double> threadsBefore = hub.stats.cpuSecondsByThread();
        long start = System.nanoTime();
        LoadDriver.Outcome outcome;
        long inFeed;
        try (FeedWatcher watcher = new FeedWatcher(hub.kigali, hub.base, cursor)) {
            outcome = agency.closedLoop(phase, requests, clients, i -> { });
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (watcher.items() < outcome.ok() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            inFeed = watcher.items();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = hub.stats.cpuSeconds() - cpuBefore;
        Map<String, Double> byThread = ProcessStats.difference(threadsBefore, hub.stats.cpuSecondsByThread());
        double compiler = byThread.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
        Map<String, Object> row = row(outcome, cpu / seconds);
        row.put("clients", clients);
        row.put("inFeed", inFeed);
        row.put("inFeedPerSecond", inFeed / seconds);
        row.put("hubCpuMillisPerDossier", 1000 * cpu / Math.max(1, inFeed));
        row.put("compilerShare", cpu > 0 ? compiler / cpu : 0.0);
        row.put("hubCpuSecondsByThread", byThread);
        return row;
    }

    private Map<String, Object> row(LoadDriver.Outcome outcome, double cores) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("accepted", outcome.ok());
        row.put("failed", outcome.failed());
        row.put("statuses", outcome.statuses());
        row.put("errors", outcome.errors());
        row.put("acceptedPerSecond", outcome.perSecond());
        row.put("p50Millis", outcome.percentileMillis(50));
        row.put("p99Millis", outcome.percentileMillis(99));
        row.put("p999Millis", outcome.percentileMillis(99.9));
        row.put("hubCores", cores);
        row.put("hubRssMiB", hub.stats.rssMiB());
        return row;
    }

    private List<HttpRequest> prepare(int count, int size) {
        return bodies(count, size).stream().map(hub::dossier).toList();
    }

    private List<byte[]> bodies(int count, int size) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(nextBody(size));
        }
        return bodies;
    }
}
