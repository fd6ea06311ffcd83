package dk.dkrw.hub.deadletter;

/** Where a dead letter stands: waiting for an operator, or resolved by one. Names are stored; never rename. */
public enum DeadLetterState {
    OPEN,
    REPLAYED,
    DISCARDED
}
