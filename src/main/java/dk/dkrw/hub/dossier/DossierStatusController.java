package dk.dkrw.hub.dossier;

import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyAuthenticationFilter;
import dk.dkrw.hub.party.Permission;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;


/**
 * {@code GET /api/v1/dossiers/{dossierId}/versions/{version}/status}, for the sending agency only; another
 * party gets the same 404 as for an unknown dossier, so existence is not disclosed.
 */
@RestController
public class DossierStatusController {

    private final DossierStore dossiers;

    public DossierStatusController(DossierStore dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/api/v1/dossiers/{dossierId}/versions/{version}/status")
    public VersionStatus status(@RequestAttribute(PartyAuthenticationFilter.PARTY) Party party,
                                      @PathVariable String dossierId, @PathVariable int version) {
        party.require(Permission.DOSSIER_STATUS);
        DossierStore.StoredVersion stored = dossiers.findVersion(dossierId, version)
                .filter(v -> v.partyId().equals(party.id()))
                .orElseThrow(() -> new HubException(ProblemCode.NOT_FOUND,
                        "no dossier " + SafeIds.uuidOrMarker(dossierId) + " version " + version
                                + " of party " + party.id()));
        return new VersionStatus(stored.dossierId(), stored.version(), stored.caseId(), stored.status().name(),
                stored.statusAt().toString(), stored.receiptId());
    }

    /** Where one accepted version is on its way. */
    public record VersionStatus(String dossierId, int version, String caseId, String status, String statusAt,
                                String receiptId) {
    }
}
