package dk.dkrw.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.Permission;
import dk.dkrw.hub.signature.VerifiedSignature;

import java.time.Instant;

/**
 * A signed partner document (a dossier, a case event) as it moves through its intake route. The transport
 * facts are fixed at arrival; each step then records what it established (the verified signature and signer,
 * the parsed document) so that later steps and the rejection audit can use it.
 */
public abstract class SignedDocument {

    private final Channel channel;
    private final Party transportParty;
    private final byte[] body;
    private final String signatureHeader;
    private final Instant receivedAt;
    private final String sha256;

    private VerifiedSignature signature;
    private Party signerParty;
    private JsonNode document;

    protected SignedDocument(Channel channel, Party transportParty, byte[] body, String signatureHeader,
                             Instant receivedAt, String sha256) {
        this.channel = channel;
        this.transportParty = transportParty;
        this.body = body;
        this.signatureHeader = signatureHeader;
        this.receivedAt = receivedAt;
        this.sha256 = sha256;
    }

    /** What the sending party must be allowed to submit this document. */
    public abstract Permission requiredPermission();

    /**
     * How a refusal of this document is recorded: the audit kind and the ids established so far, each only
     * when well-formed (a malformed id is submitted text and never enters the audit chain).
     */
    public abstract AuditRecord.Builder rejectionRecord();

    public Channel channel() {
        return channel;
    }

    /** The party the transport authenticated (TLS client certificate); null when the channel has none. */
    public Party transportParty() {
        return transportParty;
    }

    public byte[] body() {
        return body;
    }

    public String signatureHeader() {
        return signatureHeader;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String sha256() {
        return sha256;
    }

    public VerifiedSignature signature() {
        return signature;
    }

    public Party signerParty() {
        return signerParty;
    }

    /** The party to name in audit entries: the signer once known, else the transport party. */
    public Party accountableParty() {
        return signerParty != null ? signerParty : transportParty;
    }

    void authenticated(VerifiedSignature verified, Party signer) {
        this.signature = verified;
        this.signerParty = signer;
    }

    public JsonNode document() {
        return document;
    }

    protected final void parsed(JsonNode parsedDocument) {
        this.document = parsedDocument;
    }
}
