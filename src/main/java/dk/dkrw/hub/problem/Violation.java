package dk.dkrw.hub.problem;

/**
 * One violation of a schema or business rule: a JSON Pointer into the submitted document and a message that
 * names the rule, never the offending value (values may be personal data).
 */
public record Violation(String pointer, String message) {
}
