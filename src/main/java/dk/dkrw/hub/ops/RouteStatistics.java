package dk.dkrw.hub.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the route reports from Camel (the routes and their state) and from the meters Camel's Micrometer route
 * policy keeps per route ({@code camel.exchanges.*}, the {@code camel.route.policy} timer, whose histogram
 * buckets application.yaml asks for).
 */
@Component
public class RouteStatistics {

    static final String TOTAL = "camel.exchanges.total";
    static final String FAILED = "camel.exchanges.failed";
    static final String INFLIGHT = "camel.exchanges.inflight";
    static final String TIMER = "camel.route.policy";

    private final CamelContext camel;
    private final MeterRegistry registry;
    private final RouteFailures failures;

    public RouteStatistics(CamelContext camel, MeterRegistry registry, RouteFailures failures) {
        this.camel = camel;
        this.registry = registry;
        this.failures = failures;
    }

    public List<RouteReport> routes() {
        return camel.getRoutes().stream().map(Route::getRouteId).sorted(Comparator.naturalOrder())
                .map(this::report).toList();
    }

    private RouteReport report(String routeId) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        RouteReport.Exchanges exchanges = new RouteReport.Exchanges(count(TOTAL, routeId), count(FAILED, routeId),
                Math.round(registry.find(INFLIGHT).tag("routeId", routeId).gauges().stream()
                        .mapToDouble(Gauge::value).filter(v -> !Double.isNaN(v)).sum()));
        long calls = 0;
        double totalMillis = 0;
        Double p99 = null;
        for (Timer timer : registry.find(TIMER).tag("routeId", routeId).timers()) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            calls += snapshot.count();
            totalMillis += snapshot.total(TimeUnit.MILLISECONDS);
            Double value = percentile(snapshot, 0.99);
            if (value != null) {
                p99 = p99 == null ? value : Math.max(p99, value);
            }
        }
        return new RouteReport(routeId, status == null ? "Unknown" : status.name(), exchanges,
                failures.of(routeId).orElse(null), calls == 0 ? null : totalMillis / calls, p99);
    }

    /**
     * The upper bound of the first histogram bucket holding the given share of the calls, as Prometheus'
     * {@code histogram_quantile} would place it (bucket counts are cumulative, as the Prometheus registry keeps
     * them); null without calls or buckets.
     */
    static Double percentile(HistogramSnapshot snapshot, double share) {
        CountAtBucket[] buckets = snapshot.histogramCounts();
        if (snapshot.count() == 0 || buckets.length == 0) {
            return null;
        }
        double wanted = share * snapshot.count();
        for (CountAtBucket bucket : buckets) {
            if (bucket.count() >= wanted) {
                return bucket.bucket(TimeUnit.MILLISECONDS);
            }
        }
        return snapshot.max(TimeUnit.MILLISECONDS);
    }

    private long count(String name, String routeId) {
        return Math.round(registry.find(name).tag("routeId", routeId).counters().stream()
                .mapToDouble(Counter::count).sum());
    }
}
