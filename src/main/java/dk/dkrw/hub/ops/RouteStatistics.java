package dk.dkrw.hub.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the route reports from Camel (the routes and their state) and from the meters Camel's Micrometer route
 * policy keeps per route ({@code camel.exchanges.*}, the {@code camel.route.policy} timer, whose 99th
 * percentile application.yaml asks for).
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
            for (ValueAtPercentile percentile : snapshot.percentileValues()) {
                if (Math.abs(percentile.percentile() - 0.99) < 1e-9 && snapshot.count() > 0) {
                    double value = percentile.value(TimeUnit.MILLISECONDS);
                    p99 = p99 == null ? value : Math.max(p99, value);
                }
            }
        }
        return new RouteReport(routeId, status == null ? "Unknown" : status.name(), exchanges,
                failures.of(routeId).orElse(null), calls == 0 ? null : totalMillis / calls, p99);
    }

    private long count(String name, String routeId) {
        return Math.round(registry.find(name).tag("routeId", routeId).counters().stream()
                .mapToDouble(Counter::count).sum());
    }
}
