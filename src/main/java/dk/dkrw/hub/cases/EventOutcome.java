package dk.dkrw.hub.cases;

/** The answer to an event: new (202) or a repeat (200), with the receipt bytes as first issued. */
public record EventOutcome(boolean created, String eventId, String caseId, int sequence, byte[] receipt,
                           String receiptSignature) {
}
