package dk.dkrw.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kigali's view during a run: follows the case feed with the cursor every few milliseconds and records when
 * each dossier first became visible, for the dossier→available-in-feed latency.
 */
final class FeedWatcher implements AutoCloseable {

    private final HttpClient http;
    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Histogram latencyMicros = new Histogram(120_000_000L, 3);
    private final Thread poller;
    private final AtomicLong items = new AtomicLong();
    private volatile boolean running = true;
    private String cursor = "";

    FeedWatcher(HttpClient kigali, String base, String startCursor) {
        this.http = kigali;
        this.base = base;
        this.cursor = startCursor;
        this.poller = new Thread(this::poll, "bench-feed-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** Marks a dossier accepted (its 202 arrived) now. */
    void accepted(String dossierId) {
        acceptedAt.put(dossierId, System.nanoTime());
    }

    long seen() {
        synchronized (latencyMicros) {
            return latencyMicros.getTotalCount();
        }
    }

    /** Every feed item seen after the start cursor, whether or not its dossier was marked accepted. */
    long items() {
        return items.get();
    }

    Histogram latency() {
        synchronized (latencyMicros) {
            return latencyMicros.copy();
        }
    }

    String cursor() {
        return cursor;
    }

    private void poll() {
        while (running) {
            try {
                HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/cases?limit=500&after=" + cursor)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long now = System.nanoTime();
                JsonNode feed = json.readTree(page.body());
                for (JsonNode item : feed.path("items")) {
                    items.incrementAndGet();
                    Long accepted = acceptedAt.remove(item.path("dossierId").asText());
                    if (accepted != null) {
                        synchronized (latencyMicros) {
                            latencyMicros.recordValue(Math.max(0, (now - accepted) / 1000));
                        }
                    }
                }
                cursor = feed.path("next").asText(cursor);
                if (feed.path("items").size() < 500) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // a failed poll is retried on the next round
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(2_000);
    }
}
