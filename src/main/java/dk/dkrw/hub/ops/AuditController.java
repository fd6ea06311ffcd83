package dk.dkrw.hub.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.dkrw.hub.audit.AuditVerifier;
import dk.dkrw.hub.signature.CmsSigner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * {@code GET /ops/v1/audit/verify} (VIEWER): walks the whole audit chain and checks every signed checkpoint
 * against the hub's own certificate; names the first broken entry. 200 whatever the outcome: the answer is the
 * verification, {@code intact} says whether it passed.
 */
@RestController
public class AuditController {

    private final JdbcTemplate jdbc;
    private final CmsSigner hubSigner;
    private final Clock clock;

    public AuditController(JdbcTemplate jdbc, CmsSigner hubSigner, Clock clock) {
        this.jdbc = jdbc;
        this.hubSigner = hubSigner;
        this.clock = clock;
    }

    /** The verification as operators read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean intact, long entriesChecked, int checkpointsChecked, Long lastCheckpointSeq,
                               String lastCheckpointAt, Long brokenAt, String reason, String verifiedAt) {
    }

    @GetMapping("/ops/v1/audit/verify")
    public Verification verify() {
        AuditVerifier.Result result = AuditVerifier.verify(jdbc, List.of(hubSigner.certificate()));
        return new Verification(result.intact(), result.entriesChecked(), result.checkpointsChecked(),
                result.lastCheckpointSeq(),
                result.lastCheckpointAt() == null ? null : result.lastCheckpointAt().toString(), result.brokenAt(),
                result.reason(), clock.instant().toString());
    }
}
