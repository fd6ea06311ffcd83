package dk.dkrw.hub.delivery;

import java.util.Objects;

/**
 * The Danish identifiers of one case as the hub holds them from the accepted dossier. Status updates take
 * {@code dkCaseNo} and {@code udlNr} from here only: Kigali never receives them, so whatever an event carries
 * under those names is not to be trusted.
 *
 * <p>{@link #toString()} shows the case id alone, because the case and alien numbers identify a person.
 */
public record DanishCaseRecord(String caseId, String dkCaseNo, String udlNr) {

    public DanishCaseRecord {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(dkCaseNo, "dkCaseNo");
        Objects.requireNonNull(udlNr, "udlNr");
    }

    @Override
    public String toString() {
        return "DanishCaseRecord[caseId=" + caseId + "]";
    }
}
