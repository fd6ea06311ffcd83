package dk.dkrw.hub.ops;

/** What an operator account may do on the operator API. */
public enum OperatorRole {
    /** Reads: routes, dead letters, traces, metrics. */
    VIEWER,
    /** Reads, and replays or discards dead letters. */
    OPERATOR
}
