package dk.dkrw.hub.storage;

import dk.dkrw.hub.audit.AuditCheckpoint;
import dk.dkrw.hub.audit.AuditCheckpoints;
import dk.dkrw.hub.problem.SafeFailure;
import dk.dkrw.hub.signature.CmsSigner;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signs a checkpoint of the audit chain head with the hub key every {@code hub.audit.checkpoint-interval} and
 * once more on shutdown (before the group committer stops, which this bean depends on). Each checkpoint is
 * written in a group commit, where the head is locked, and announced by an {@code AUDIT_CHECKPOINT} entry.
 * With several hub instances each signs its own checkpoints; that is harmless.
 */
@Component
@EnableConfigurationProperties(AuditCheckpointSettings.class)
public class AuditCheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointJob.class);

    private final GroupCommitter committer;
    private final CmsSigner hubSigner;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public AuditCheckpointJob(GroupCommitter committer, CmsSigner hubSigner, Clock clock,
                              AuditCheckpointSettings settings) {
        this.committer = committer;
        this.hubSigner = hubSigner;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hub-audit-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        long millis = settings.checkpointInterval().toMillis();
        timer.scheduleWithFixedDelay(this::scheduled, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Signs the head now; empty when nothing was written since the last checkpoint. */
    public Optional<AuditCheckpoint> checkpointNow() {
        return committer.commit(tx -> {
            Optional<AuditCheckpoints.Signed> signed = AuditCheckpoints.sign(tx.jdbc(), hubSigner, clock.instant());
            signed.ifPresent(s -> tx.audit(s.record()));
            return signed.map(AuditCheckpoints.Signed::checkpoint);
        });
    }

    private void scheduled() {
        try {
            checkpointNow().ifPresent(c -> log.info("audit checkpoint signed at entry {}", c.seq()));
        } catch (RuntimeException e) {
            log.error("audit checkpoint failed: {}", SafeFailure.describe(e));
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        scheduled();
    }
}
