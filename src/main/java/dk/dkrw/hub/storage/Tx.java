package dk.dkrw.hub.storage;

import dk.dkrw.hub.audit.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What one unit of work sees inside a group commit: a JDBC template on the batch's connection, an audit
 * journal whose records are chained only if the work succeeds, and hooks that run after the commit.
 */
public final class Tx {

    private final JdbcTemplate jdbc;
    private final List<AuditRecord> audit = new ArrayList<>(2);
    private final List<Runnable> afterCommit = new ArrayList<>(1);

    Tx(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public void audit(AuditRecord record) {
        audit.add(record);
    }

    /** Runs once the batch holding this work is durable; never when it rolls back. */
    public void afterCommit(Runnable hook) {
        afterCommit.add(hook);
    }

    List<AuditRecord> auditRecords() {
        return audit;
    }

    List<Runnable> afterCommitHooks() {
        return afterCommit;
    }
}
