package dk.dkrw.hub.problem;

import java.util.List;

/**
 * A failure with a contract code. The detail is shown to the caller, so it carries ids, codes and counts only,
 * never personal data, stack traces or class names.
 */
public class HubException extends RuntimeException {

    private final ProblemCode code;
    private final transient List<Violation> violations;

    public HubException(ProblemCode code, String detail) {
        this(code, detail, List.of(), null);
    }

    public HubException(ProblemCode code, String detail, Throwable cause) {
        this(code, detail, List.of(), cause);
    }

    public HubException(ProblemCode code, String detail, List<Violation> violations) {
        this(code, detail, violations, null);
    }

    public HubException(ProblemCode code, String detail, List<Violation> violations, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public ProblemCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }
}
