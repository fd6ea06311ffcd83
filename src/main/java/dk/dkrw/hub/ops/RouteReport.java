package dk.dkrw.hub.ops;

import java.util.List;

/**
 * One route as {@code GET /ops/v1/routes} shows it: Camel's state, exchange counts since start, the latest
 * failure (null when none) and the processing time, mean and 99th percentile, in milliseconds (null before
 * the first exchange).
 */
public record RouteReport(String id, String state, Exchanges exchanges, RouteFailures.LastFailure lastFailure,
                          Double meanMillis, Double p99Millis) {

    public record Exchanges(long total, long failed, long inflight) {
    }

    /** The response body. */
    public record Page(List<RouteReport> routes) {
    }
}
