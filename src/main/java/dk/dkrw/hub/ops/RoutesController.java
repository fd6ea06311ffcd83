package dk.dkrw.hub.ops;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ops/v1/routes} (VIEWER): every Camel route with its state, counts, latest failure and times. */
@RestController
public class RoutesController {

    private final RouteStatistics statistics;

    public RoutesController(RouteStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/ops/v1/routes")
    public RouteReport.Page routes() {
        return new RouteReport.Page(statistics.routes());
    }
}
