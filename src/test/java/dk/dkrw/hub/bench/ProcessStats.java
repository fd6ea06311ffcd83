package dk.dkrw.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** CPU time and memory of a process, read from Linux's /proc (the hub runs as its own process). */
final class ProcessStats {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;

    ProcessStats(long pid) {
        this.pid = pid;
    }

    /** User + system CPU seconds used so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds so far by thread group: Linux thread names (15 characters) with digits folded, so the 64 request
     * threads are one row, the JIT compiler threads another, the garbage collector's another. Exact, unlike
     * sampling, and it sees native time (TLS intrinsics, compilation, GC, disk syncs).
     */
    Map<String, Double> cpuSecondsByThread() {
        Map<String, Double> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    groups.merge(name, seconds, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    /** The CPU seconds each thread group used between two {@link #cpuSecondsByThread()} readings, largest first. */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> used.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        return used;
    }

    /** Resident set size now, in MiB. */
    double rssMiB() {
        return statusKb("VmRSS:") / 1024.0;
    }

    /** Peak resident set size, in MiB. */
    double peakRssMiB() {
        return statusKb("VmHWM:") / 1024.0;
    }

    private long statusKb(String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Heap used after a full GC, in MiB, via jcmd (the JDK's own tool). */
    double heapAfterGcMiB() {
        try {
            run("jcmd", Long.toString(pid), "GC.run");
            String info = run("jcmd", Long.toString(pid), "GC.heap_info");
            for (String line : info.split("\n")) {
                int used = line.indexOf(" used ");
                if (line.contains("garbage-first heap") && used > 0) {
                    String value = line.substring(used + 6).trim().split("\\s+")[0];
                    return Long.parseLong(value.replace("K", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Double.NaN;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }
}
