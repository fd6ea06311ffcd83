package dk.dkrw.hub.intake;

import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyRegistry;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.VerifiedSignature;
import org.springframework.stereotype.Component;

/**
 * The first step of every intake route: the transport party may submit this kind of document, the detached
 * CMS signature holds over the exact body bytes, and the signer is the same registered party as the transport
 * (when the transport authenticates one) and is itself allowed to submit it.
 */
@Component
public class DocumentAuthenticator {

    private final CmsVerifier verifier;
    private final PartyRegistry parties;

    public DocumentAuthenticator(CmsVerifier verifier, PartyRegistry parties) {
        this.verifier = verifier;
        this.parties = parties;
    }

    public <D extends SignedDocument> D authenticate(D document) {
        Party transport = document.transportParty();
        if (transport != null) {
            transport.require(document.requiredPermission());
        }
        VerifiedSignature signature = verifier.verify(document.body(), document.signatureHeader());
        Party signer = parties.identify(signature.signer()).orElseThrow(() -> new HubException(
                ProblemCode.PARTY_MISMATCH, "the signer certificate " + signature.signerFingerprint()
                + " is not registered to any party"));
        if (transport != null && !transport.id().equals(signer.id())) {
            throw new HubException(ProblemCode.PARTY_MISMATCH, "TLS client party " + transport.id()
                    + " differs from signer party " + signer.id());
        }
        signer.require(document.requiredPermission());
        document.authenticated(signature, signer);
        return document;
    }
}
