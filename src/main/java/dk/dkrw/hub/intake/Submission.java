package dk.dkrw.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.signature.VerifiedSignature;

import java.time.Instant;

/**
 * One dossier submission as it moves through the intake route. Each step fills in what it established (the
 * verified signature, the parsed document, the stored state of its id) so that later steps and the rejection
 * audit can use it.
 */
public final class Submission {

    private final Channel channel;
    private final Party transportParty;
    private final byte[] body;
    private final String signatureHeader;
    private final Instant receivedAt;
    private final String sha256;

    private VerifiedSignature signature;
    private Party signerParty;
    private JsonNode document;
    private DossierIdentity identity;
    private DossierStore.StoredDossier previous;
    private IntakeOutcome outcome;

    public Submission(Channel channel, Party transportParty, byte[] body, String signatureHeader,
                      Instant receivedAt, String sha256) {
        this.channel = channel;
        this.transportParty = transportParty;
        this.body = body;
        this.signatureHeader = signatureHeader;
        this.receivedAt = receivedAt;
        this.sha256 = sha256;
    }

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

    void authenticated(VerifiedSignature verified, Party signer) {
        this.signature = verified;
        this.signerParty = signer;
    }

    public JsonNode document() {
        return document;
    }

    public DossierIdentity identity() {
        return identity;
    }

    void parsed(JsonNode parsedDocument, DossierIdentity parsedIdentity) {
        this.document = parsedDocument;
        this.identity = parsedIdentity;
    }

    public DossierStore.StoredDossier previous() {
        return previous;
    }

    void previous(DossierStore.StoredDossier stored) {
        this.previous = stored;
    }

    public IntakeOutcome outcome() {
        return outcome;
    }

    void outcome(IntakeOutcome result) {
        this.outcome = result;
    }

    /** True once an earlier step settled the answer (the same version seen before). */
    public boolean isSettled() {
        return outcome != null;
    }
}
