package dk.dkrw.hub.bench;

import java.io.PrintStream;

/** A one-line progress bar on standard error: phase, bar, count and rate. */
final class Progress {

    private static final int WIDTH = 30;
    private final PrintStream out = System.err;
    private final String phase;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint;

    Progress(String phase, long total) {
        this.phase = phase;
        this.total = Math.max(1, total);
        update(0);
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastPrint < 200_000_000L && done < total) {
            return;
        }
        lastPrint = now;
        int filled = (int) Math.min(WIDTH, WIDTH * done / total);
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        out.printf("\r%-34s [%s%s] %6d/%-6d %8.1f/s", phase, "#".repeat(filled), ".".repeat(WIDTH - filled), done,
                total, done / seconds);
        out.flush();
    }

    void done(long done) {
        lastPrint = 0;
        update(done);
        out.println();
    }
}
