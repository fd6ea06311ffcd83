package dk.dkrw.hub.ops;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ops/v1/trace/{dossierId}}: every step of a dossier, its versions and its events (VIEWER). */
@RestController
public class TraceController {

    private final TraceStore traces;

    public TraceController(TraceStore traces) {
        this.traces = traces;
    }

    @GetMapping("/ops/v1/trace/{dossierId}")
    public DossierTrace trace(@PathVariable String dossierId) {
        if (!SafeIds.isUuid(dossierId)) {
            throw notFound();
        }
        return traces.trace(dossierId).orElseThrow(TraceController::notFound);
    }

    private static HubException notFound() {
        return new HubException(ProblemCode.NOT_FOUND, "the hub has no record of this dossier");
    }
}
