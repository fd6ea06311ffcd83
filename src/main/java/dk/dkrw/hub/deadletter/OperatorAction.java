package dk.dkrw.hub.deadletter;

/**
 * Who resolves a dead letter and why. {@code reason} is the operator's free text: it is stored with the row
 * and never logged or audited, since it could hold anything.
 */
public record OperatorAction(String operator, String reason) {

    /** The audit party of an operator's step. */
    String auditParty() {
        return "operator:" + operator;
    }
}
