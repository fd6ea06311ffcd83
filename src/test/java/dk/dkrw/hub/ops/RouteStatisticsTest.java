package dk.dkrw.hub.ops;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RouteStatisticsTest {

    private static final double MS = TimeUnit.MILLISECONDS.toNanos(1);

    private static HistogramSnapshot snapshot(long count, double maxMillis, CountAtBucket... cumulative) {
        return new HistogramSnapshot(count, count * MS, maxMillis * MS, new ValueAtPercentile[0], cumulative,
                (out, scale) -> { });
    }

    @Test
    void p99IsTheUpperBoundOfTheFirstBucketHoldingNinetyNinePercentOfTheCalls() {
        HistogramSnapshot snapshot = snapshot(1000, 250,
                new CountAtBucket(1 * MS, 500), new CountAtBucket(5 * MS, 980), new CountAtBucket(10 * MS, 995),
                new CountAtBucket(100 * MS, 999), new CountAtBucket(500 * MS, 1000));

        assertThat(RouteStatistics.percentile(snapshot, 0.99)).isEqualTo(10.0);
        assertThat(RouteStatistics.percentile(snapshot, 0.5)).isEqualTo(1.0);
    }

    @Test
    void fallsBackToTheMaximumAboveTheLastBucketAndIsNullWithoutCalls() {
        assertThat(RouteStatistics.percentile(snapshot(10, 42, new CountAtBucket(1 * MS, 5)), 0.99)).isEqualTo(42.0);
        assertThat(RouteStatistics.percentile(snapshot(0, 0, new CountAtBucket(1 * MS, 0)), 0.99)).isNull();
        assertThat(RouteStatistics.percentile(snapshot(3, 2), 0.99)).isNull();
    }
}
