package dk.dkrw.hub.intake;

/**
 * The answer to a submission: a new acceptance (202) or the repeat of an earlier one (200), each with the
 * receipt bytes exactly as first issued and their hub signature.
 */
public record IntakeOutcome(boolean created, String dossierId, int version, String caseId, byte[] receipt,
                            String receiptSignature) {
}
