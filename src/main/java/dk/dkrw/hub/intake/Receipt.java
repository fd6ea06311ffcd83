package dk.dkrw.hub.intake;

/** A signed receipt: the exact JSON bytes sent and the hub's detached CMS signature over them (base64). */
public record Receipt(String receiptId, byte[] body, String signature) {
}
