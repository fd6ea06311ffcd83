package dk.dkrw.hub.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.dkrw.hub.audit.AuditVerifier;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.PemFiles;
import dk.dkrw.hub.storage.AuditCheckpointSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /ops/v1/audit/verify} (VIEWER): walks the whole audit chain and checks every signed checkpoint
 * against the hub's own certificate (and {@code hub.audit.previous-hub-certificates}); names the first broken entry. 200 whatever the outcome: the answer is the
 * verification, {@code intact} says whether it passed.
 */
@RestController
public class AuditController {

    private final JdbcTemplate jdbc;
    private final List<X509Certificate> hubCertificates;
    private final Clock clock;

    public AuditController(JdbcTemplate jdbc, CmsSigner hubSigner, AuditCheckpointSettings settings, Clock clock) {
        this.jdbc = jdbc;
        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(hubSigner.certificate());
        settings.previousHubCertificates().forEach(file -> certificates.add(PemFiles.readCertificate(file)));
        this.hubCertificates = List.copyOf(certificates);
        this.clock = clock;
    }

    /** The verification as operators read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean intact, long entriesChecked, int checkpointsChecked, Long lastCheckpointSeq,
                               String lastCheckpointAt, Long brokenAt, String reason, String verifiedAt) {
    }

    @GetMapping("/ops/v1/audit/verify")
    public Verification verify() {
        AuditVerifier.Result result = AuditVerifier.verify(jdbc, hubCertificates);
        return new Verification(result.intact(), result.entriesChecked(), result.checkpointsChecked(),
                result.lastCheckpointSeq(),
                result.lastCheckpointAt() == null ? null : result.lastCheckpointAt().toString(), result.brokenAt(),
                result.reason(), clock.instant().toString());
    }
}
