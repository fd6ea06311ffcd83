package dk.dkrw.hub.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Drives prepared requests at the hub over keep-alive mutual TLS: closed loop (C clients, each sending its next
 * request as soon as the previous answer arrives: maximum throughput) or open loop (requests start on a fixed
 * schedule whatever the answers do; latency counts from the scheduled start, so a stall is not hidden).
 */
final class LoadDriver {

    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final HttpClient http;

    LoadDriver(HttpClient http) {
        this.http = http;
    }

    /**
     * What a run achieved; latencies in microseconds. Requests without an HTTP answer count under status -1, and
     * {@code errors} says what became of them (exception class, e.g. HttpTimeoutException or a closed connection).
     */
    record Outcome(long ok, long failed, double seconds, Histogram latency, Map<Integer, Long> statuses,
                   Map<String, Long> errors) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    Outcome closedLoop(String phase, List<HttpRequest> requests, int clients, IntConsumer onSuccess) {
        return closedLoop(phase, requests.size(), requests::get, clients, onSuccess);
    }

    Outcome closedLoop(String phase, int count, IntFunction<HttpRequest> requests, int clients,
                       IntConsumer onSuccess) {
        Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        Progress progress = new Progress(phase, count);
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    HttpRequest request = requests.apply(i);
                    long sent = System.nanoTime();
                    int status = send(request, errors);
                    recorder.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - sent) / 1000));
                    count(status, i, ok, failed, statuses, onSuccess);
                    progress.update(ok.get() + failed.get());
                }
                done.countDown();
            }, "bench-client-" + c);
            client.setDaemon(true);
            client.start();
        }
        await(done);
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.done(ok.get() + failed.get());
        return new Outcome(ok.get(), failed.get(), seconds, recorder.getIntervalHistogram(), Map.copyOf(statuses),
                Map.copyOf(errors));
    }

    Outcome openLoop(String phase, List<HttpRequest> requests, double ratePerSecond, IntConsumer onSuccess) {
        return openLoop(phase, requests.size(), requests::get, ratePerSecond, onSuccess);
    }

    /** {@code requests} is called on the scheduling thread just before each send, so it must be quick. */
    Outcome openLoop(String phase, int count, IntFunction<HttpRequest> requests, double ratePerSecond,
                     IntConsumer onSuccess) {
        Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        Progress progress = new Progress(phase, count);
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime();
        long interval = (long) (1e9 / ratePerSecond);
        for (int i = 0; i < count; i++) {
            HttpRequest request = requests.apply(i);
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                recorder.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - scheduled) / 1000));
                if (error != null) {
                    errors.merge(kind(error), 1L, Long::sum);
                }
                count(error == null ? response.statusCode() : -1, index, ok, failed, statuses, onSuccess);
                progress.update(ok.get() + failed.get());
                done.countDown();
            });
        }
        await(done);
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.done(ok.get() + failed.get());
        return new Outcome(ok.get(), failed.get(), seconds, recorder.getIntervalHistogram(), Map.copyOf(statuses),
                Map.copyOf(errors));
    }

    private int send(HttpRequest request, Map<String, Long> errors) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            errors.merge(kind(e), 1L, Long::sum);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The exception's class, unwrapped from the async client's CompletionException, with its cause's class. */
    private static String kind(Throwable error) {
        Throwable at = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        Throwable cause = at.getCause();
        return at.getClass().getSimpleName() + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
    }

    private static void count(int status, int index, AtomicLong ok, AtomicLong failed, Map<Integer, Long> statuses,
                              IntConsumer onSuccess) {
        statuses.merge(status, 1L, Long::sum);
        if (status >= 200 && status < 300) {
            ok.incrementAndGet();
            onSuccess.accept(index);
        } else {
            failed.incrementAndGet();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("load run did not finish in 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
