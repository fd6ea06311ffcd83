package dk.dkrw.hub.ops;

import dk.dkrw.hub.deadletter.DeadLetterDiscarder;
import dk.dkrw.hub.deadletter.DeadLetterFilter;
import dk.dkrw.hub.deadletter.DeadLetterReplayer;
import dk.dkrw.hub.deadletter.DeadLetterState;
import dk.dkrw.hub.deadletter.DeadLetterStore;
import dk.dkrw.hub.deadletter.OperatorAction;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.StrictJsonReader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The operator's dead-letter API: list and read (VIEWER), replay and discard (OPERATOR; the roles are enforced
 * by {@link OpsSecurityConfiguration}). Every resolution carries the authenticated operator's name.
 */
@RestController
@RequestMapping("/ops/v1/dead-letters")
public class DeadLetterController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final DeadLetterStore store;
    private final DeadLetterReplayer replayer;
    private final DeadLetterDiscarder discarder;
    private final StrictJsonReader reader;

    public DeadLetterController(DeadLetterStore store, DeadLetterReplayer replayer, DeadLetterDiscarder discarder,
                                StrictJsonReader reader) {
        this.store = store;
        this.replayer = replayer;
        this.discarder = discarder;
        this.reader = reader;
    }

    @GetMapping
    public DeadLetterItem.Page list(@RequestParam(required = false) String state,
                                    @RequestParam(required = false) String route,
                                    @RequestParam(required = false) String cause,
                                    @RequestParam(required = false) Integer limit) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw queryViolation("limit must be between 1 and " + MAX_LIMIT);
        }
        DeadLetterFilter filter = new DeadLetterFilter(state(state), route, cause, null);
        return new DeadLetterItem.Page(store.list(filter, pageSize).stream().map(DeadLetterItem::of).toList());
    }

    @GetMapping("/{id}")
    public DeadLetterItem one(@PathVariable String id) {
        long key = id(id);
        return store.find(key).map(DeadLetterItem::of).orElseThrow(() -> notFound());
    }

    @PostMapping("/{id}/replay")
    public DeadLetterItem replay(@PathVariable String id, HttpServletRequest request, Principal operator)
            throws IOException {
        long key = id(id);
        OperatorRequest body = OperatorRequest.read(request, reader, Set.of("reason"));
        String reason = body.reason(false);
        body.requireValid();
        return DeadLetterItem.of(replayer.replay(key, new OperatorAction(operator.getName(), reason)));
    }

    @PostMapping("/replay")
    public DeadLetterItem.Replayed replayAll(HttpServletRequest request, Principal operator) throws IOException {
        OperatorRequest body = OperatorRequest.read(request, reader, Set.of("route", "cause", "caseId", "reason"));
        DeadLetterFilter filter = DeadLetterFilter.open(body.filter("route"), body.filter("cause"),
                body.filter("caseId"));
        String reason = body.reason(false);
        body.requireValid();
        List<Long> ids = replayer.replayAll(filter, new OperatorAction(operator.getName(), reason));
        return new DeadLetterItem.Replayed(ids.size(), ids);
    }

    @DeleteMapping("/{id}")
    public DeadLetterItem discard(@PathVariable String id, HttpServletRequest request, Principal operator)
            throws IOException {
        long key = id(id);
        OperatorRequest body = OperatorRequest.read(request, reader, Set.of("reason"));
        String reason = body.reason(true);
        body.requireValid();
        return DeadLetterItem.of(discarder.discard(key, new OperatorAction(operator.getName(), reason)));
    }

    private static DeadLetterState state(String state) {
        if (state == null) {
            return DeadLetterState.OPEN;
        }
        String upper = state.toUpperCase(Locale.ROOT);
        if (upper.equals("ALL")) {
            return null;
        }
        try {
            return DeadLetterState.valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw queryViolation("state must be OPEN, REPLAYED, DISCARDED or ALL");
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static HubException notFound() {
        return new HubException(ProblemCode.NOT_FOUND, "no such dead letter");
    }

    private static HubException queryViolation(String message) {
        return new HubException(ProblemCode.VALIDATION_FAILED, message,
                List.of(new Violation("", "query parameter " + message)));
    }
}
