package dk.dkrw.hub.intake;

import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyRegistry;
import dk.dkrw.hub.party.Permission;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.VerifiedSignature;
import org.springframework.stereotype.Component;

/**
 * Intake step 1: the transport party may submit, the detached CMS signature holds over the exact body bytes,
 * and the signer is the same registered party as the transport (when the transport authenticates one).
 */
@Component
public class SubmissionAuthenticator {

    private final CmsVerifier verifier;
    private final PartyRegistry parties;

    public SubmissionAuthenticator(CmsVerifier verifier, PartyRegistry parties) {
        this.verifier = verifier;
        this.parties = parties;
    }

    public Submission authenticate(Submission submission) {
        Party transport = submission.transportParty();
        if (transport != null) {
            transport.require(Permission.DOSSIER_SUBMIT);
        }
        VerifiedSignature signature = verifier.verify(submission.body(), submission.signatureHeader());
        Party signer = parties.identify(signature.signer()).orElseThrow(() -> new HubException(
                ProblemCode.PARTY_MISMATCH, "the signer certificate " + signature.signerFingerprint()
                + " is not registered to any party"));
        if (transport != null && !transport.id().equals(signer.id())) {
            throw new HubException(ProblemCode.PARTY_MISMATCH, "TLS client party " + transport.id()
                    + " differs from signer party " + signer.id());
        }
        signer.require(Permission.DOSSIER_SUBMIT);
        submission.authenticated(signature, signer);
        return submission;
    }
}
