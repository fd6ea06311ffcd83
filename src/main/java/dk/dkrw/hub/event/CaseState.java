package dk.dkrw.hub.event;

/**
 * Where a case stands in Kigali, derived from the Lifecycle paragraph of {@code rw-case-event/1} in domain.md.
 * Only as many states as the rules need: the history facts a rule depends on ("an interview has been held",
 * "the last decision was negative", "an appeal is pending") are folded into the states, and the one fact that
 * is not (where a case resumes when it reappears) travels beside the state in {@link CaseLifecycle.State}.
 */
public enum CaseState {

    /** Forwarded to Kigali (made available as an {@code rw-case/1}); no event yet. Only RECEIVED is allowed. */
    FORWARDED(false, false),
    /** The applicant arrived at a reception site; not yet registered in Kigali's system. */
    RECEIVED(true, false),
    /** Registered in Kigali; interviews may be scheduled or missed and vulnerabilities found, none held yet. */
    REGISTERED(true, true),
    /** At least one interview has been held and no decision stands: a DECISION is allowed. */
    INTERVIEWED(true, true),
    /** The last decision granted protection ({@code GRANTED_CONVENTION}, {@code GRANTED_PROTECTION}): no appeal. */
    DECIDED_POSITIVE(true, true),
    /** The last decision was {@code REFUSED}, {@code INADMISSIBLE} or {@code MANIFESTLY_UNFOUNDED}: appealable. */
    DECIDED_NEGATIVE(true, true),
    /** An appeal against a negative decision is pending: APPEAL_DECIDED is allowed. */
    APPEALED(true, true),
    /** The appeal was decided {@code UPHELD} or {@code REVERSED}: final. (A {@code REMITTED} appeal returns the
     * case to {@link #INTERVIEWED} for a new first-instance decision.) */
    APPEAL_DECIDED(true, true),
    /** The application was withdrawn; only CASE_CLOSED is allowed. */
    WITHDRAWN(false, false),
    /** The applicant was transferred to another state; only CASE_CLOSED is allowed. */
    TRANSFERRED(false, false),
    /** The applicant absconded; only REAPPEARED (back to the state before) or CASE_CLOSED are allowed. */
    ABSCONDED(false, false),
    /** The case is closed; only REAPPEARED (back to the state before the closure) is allowed. */
    CLOSED(false, false);

    private final boolean active;
    private final boolean registered;

    CaseState(boolean active, boolean registered) {
        this.active = active;
        this.registered = registered;
    }

    /**
     * True from RECEIVED until the applicant leaves the procedure (withdrawal, transfer, absconding, closure):
     * the states in which ABSCONDED, WITHDRAWN and TRANSFERRED ("any time after RECEIVED") are allowed.
     */
    public boolean active() {
        return active;
    }

    /** True in the active states after REGISTERED: the states in which interviews and vulnerabilities are reported. */
    public boolean registered() {
        return registered;
    }
}
