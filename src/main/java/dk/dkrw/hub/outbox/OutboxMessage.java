package dk.dkrw.hub.outbox;

/**
 * A message to hand to the broker once the transaction that wrote it commits. {@code key} is the stable id the
 * broker de-duplicates on; {@code groupId} keeps messages of one group (a dossier, a case) in order.
 */
public record OutboxMessage(String destination, String key, String groupId, String body) {
}
