package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

/**
 * The one failure type of the signature package. The detail names only codes, algorithm names and certificate
 * fingerprints: never signed content, and no certificate subject (it may name a person).
 */
public class SignatureException extends HubException {

    public SignatureException(ProblemCode code, String detail) {
        super(code, detail);
    }

    public SignatureException(ProblemCode code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
