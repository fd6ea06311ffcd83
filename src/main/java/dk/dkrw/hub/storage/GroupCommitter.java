package dk.dkrw.hub.storage;

import dk.dkrw.hub.audit.AuditChain;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeFailure;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit: every durable write of the hub runs here, on one writer thread, and all works waiting at the
 * same moment share one transaction and so one disk sync. Each work runs in its own savepoint, so one refused
 * work never takes the others down, and a caller is answered only after its batch is committed.
 *
 * <p>The batch first locks the audit chain head: that keeps the chain linear and makes identity columns
 * (the Kigali feed sequence) follow commit order even with several hub instances on one database.
 */
@Component
public class GroupCommitter {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final long CALLER_TIMEOUT_SECONDS = 30;

    private final DataSource dataSource;
    private final int maxBatch;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(20_000);
    private final Thread writer;
    private volatile boolean running = true;
    private Boolean embeddedH2;

    public GroupCommitter(DataSource dataSource, HubProperties properties) {
        this.dataSource = dataSource;
        this.maxBatch = Math.max(1, properties.commit().maxBatch());
        this.writer = new Thread(this::writeLoop, "hub-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Runs the work durably and returns its result once committed; its exception if it failed. */
    public <T> T commit(TxWork<T> work) {
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("a commit work must not commit again");
        }
        Pending<T> pending = new Pending<>(work);
        if (!running || !queue.offer(pending)) {
            throw new HubException(ProblemCode.UNAVAILABLE, "the hub cannot take writes right now");
        }
        try {
            return pending.result.get(CALLER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new HubException(ProblemCode.INTERNAL_ERROR, "durable write failed", e.getCause());
        } catch (TimeoutException e) {
            throw new HubException(ProblemCode.UNAVAILABLE, "durable write did not finish in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(ProblemCode.UNAVAILABLE, "interrupted while waiting for a durable write");
        }
    }

    private void writeLoop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("group commit loop failure: {}", SafeFailure.describe(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        List<Done> done = new ArrayList<>(batch.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                AuditChain.Head head = AuditChain.lockHead(jdbc);
                List<AuditRecord> audit = new ArrayList<>();
                for (Pending<?> pending : batch) {
                    Tx tx = new Tx(jdbc);
                    Object result = runInSavepoint(connection, pending, tx);
                    if (result != FAILED) {
                        done.add(new Done(pending, result, tx));
                        audit.addAll(tx.auditRecords());
                    }
                }
                AuditChain.append(jdbc, head, audit);
                connection.commit();
                forceToDisk(connection);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            log.error("group commit of {} works failed: {}", batch.size(), SafeFailure.describe(e));
            HubException unavailable = new HubException(ProblemCode.UNAVAILABLE, "durable write failed");
            batch.forEach(p -> p.result.completeExceptionally(unavailable));
            return;
        }
        for (Done d : done) {
            d.complete();
        }
    }

    private static final Object FAILED = new Object();

    /**
     * H2 keeps committed changes in memory for up to its write delay and may lose them on a crash (kill -9);
     * a caller is answered only after this batch is durable, so the embedded database is checkpointed and
     * synced once per batch (one sync shared by every work in it). PostgreSQL is durable at commit. The hub
     * keeps H2's write delay (application.yaml says why), so a write that must survive a crash goes through
     * here; writes outside (the outbox relay's deletes) are the kind a crash may repeat harmlessly.
     */
    private void forceToDisk(Connection connection) throws SQLException {
        if (embeddedH2 == null) {
            embeddedH2 = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
        if (embeddedH2) {
            try (var statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        }
    }

    /** Runs with its caller's logging MDC, so its log lines and outbox rows carry the caller's ids. */
    private static Object runInSavepoint(Connection connection, Pending<?> pending, Tx tx) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        if (pending.logContext != null) {
            MDC.setContextMap(pending.logContext);
        }
        try {
            Object result = pending.work.run(tx);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception e) {
            connection.rollback(savepoint);
            pending.result.completeExceptionally(e);
            return FAILED;
        } finally {
            MDC.clear();
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(20));
    }

    private static final class Pending<T> {
        private final TxWork<T> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Map<String, String> logContext = MDC.getCopyOfContextMap();

        Pending(TxWork<T> work) {
            this.work = work;
        }
    }

    private record Done(Pending<?> pending, Object result, Tx tx) {
        @SuppressWarnings("unchecked")
        void complete() {
            ((CompletableFuture<Object>) pending.result).complete(result);
            for (Runnable hook : tx.afterCommitHooks()) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    log.error("after-commit hook failed: {}", SafeFailure.describe(e));
                }
            }
        }
    }
}
