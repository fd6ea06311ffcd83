package dk.dkrw.hub.storage;

import com.zaxxer.hikari.HikariDataSource;
import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.audit.AuditVerifier;
import dk.dkrw.hub.cases.CaseStore;
import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.dossier.DossierStatus;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The persistence layer (group commit, audit chain, dossiers, cases, feed) on H2 and on PostgreSQL. */
class StorageOnBothDatabasesIT {

    private HikariDataSource dataSource;
    private GroupCommitter committer;

    @AfterEach
    void close() throws InterruptedException {
        if (committer != null) {
            committer.stop();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private JdbcTemplate open(String database) {
        dataSource = TestDatabases.named(database);
        committer = new GroupCommitter(dataSource, properties());
        return new JdbcTemplate(dataSource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentWorksShareCommitsAndLeaveALinearAuditChain(String database) throws Exception {
        JdbcTemplate jdbc = open(database);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            results.add(CompletableFuture.supplyAsync(() -> committer.commit(tx -> {
                tx.audit(AuditRecord.of(AuditKind.DOSSIER_ACCEPTED, Instant.now()).party("p" + n).build());
                return n;
            }), pool));
        }
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(400);
        AuditVerifier.Result verified = AuditVerifier.verify(jdbc);
        assertThat(verified.intact()).as(verified.reason()).isTrue();
        assertThat(verified.entriesChecked()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRefusedWorkRollsBackAloneAndItsAuditIsNotChained(String database) {
        JdbcTemplate jdbc = open(database);
        DossierStore dossiers = new DossierStore(jdbc);
        assertThatThrownBy(() -> committer.commit(tx -> {
            dossiers.insertDossier(tx.jdbc(), dossier("d-refused", "c-refused"), Instant.now());
            tx.audit(AuditRecord.of(AuditKind.DOSSIER_ACCEPTED, Instant.now()).build());
            throw new HubException(ProblemCode.CONFLICT, "refused on purpose");
        })).isInstanceOf(HubException.class).hasMessage("refused on purpose");
        committer.commit(tx -> {
            dossiers.insertDossier(tx.jdbc(), dossier("d-kept", "c-kept"), Instant.now());
            tx.audit(AuditRecord.of(AuditKind.DOSSIER_ACCEPTED, Instant.now()).build());
            return null;
        });
        assertThat(dossiers.findDossier("d-refused")).isEmpty();
        assertThat(dossiers.findDossier("d-kept")).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(1);
        assertThat(AuditVerifier.verify(jdbc).intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void alteredOrRemovedAuditEntriesAreNamed(String database) {
        JdbcTemplate jdbc = open(database);
        for (int i = 0; i < 5; i++) {
            committer.commit(tx -> {
                tx.audit(AuditRecord.of(AuditKind.CASE_PULLED, Instant.now()).party("rw-kigali-office").build());
                return null;
            });
        }
        jdbc.update("update audit_entry set party_id = 'someone-else' where seq = 3");
        AuditVerifier.Result altered = AuditVerifier.verify(jdbc);
        assertThat(altered.intact()).isFalse();
        assertThat(altered.brokenAt()).isEqualTo(3);

        jdbc.update("update audit_entry set party_id = 'rw-kigali-office' where seq = 3");
        jdbc.update("delete from audit_entry where seq = 4");
        assertThat(AuditVerifier.verify(jdbc).brokenAt()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void versionsMoveThroughTheirStatusesAndTheFeedKeepsCommitOrder(String database) {
        JdbcTemplate jdbc = open(database);
        DossierStore dossiers = new DossierStore(jdbc);
        CaseStore cases = new CaseStore(jdbc);
        Instant now = Instant.now();
        committer.commit(tx -> {
            dossiers.insertDossier(tx.jdbc(), dossier("d1", "c1"), now);
            for (int v = 1; v <= 2; v++) {
                dossiers.insertVersion(tx.jdbc(), new DossierStore.NewVersion("d1", v, "c1", "dk-dis", "REST",
                        new byte[] {1, 2, 3}, "a".repeat(64), new byte[] {4}, "b".repeat(64), now, "r" + v,
                        new byte[] {5}, new byte[] {6}, now, "c".repeat(64)));
            }
            return null;
        });
        for (int v = 1; v <= 2; v++) {
            int version = v;
            committer.commit(tx -> {
                cases.publish(tx.jdbc(), new CaseStore.StoredCase("c1", "d1", version, new byte[] {7},
                        "c".repeat(64), new byte[] {8}, now, 0), List.of(
                        new CaseStore.CaseAttachment("att-" + version, "d".repeat(64), 10, "application/pdf")));
                dossiers.advanceStatus(tx.jdbc(), "d1", version, DossierStatus.RECEIVED, DossierStatus.FORWARDED,
                        now);
                return null;
            });
        }
        List<CaseStore.FeedEntry> feed = cases.feed(0, 10);
        assertThat(feed).extracting(CaseStore.FeedEntry::version).containsExactly(1, 2);
        assertThat(feed.get(0).seq()).isLessThan(feed.get(1).seq());
        assertThat(cases.feed(feed.get(0).seq(), 10)).extracting(CaseStore.FeedEntry::version).containsExactly(2);
        assertThat(cases.pending(0, 10)).extracting(CaseStore.FeedEntry::version).containsExactly(2);
        assertThat(cases.findAttachment("c1", "att-2")).isPresent();
        assertThat(cases.findAttachment("c1", "att-1")).isEmpty();

        committer.commit(tx -> {
            cases.acknowledge(tx.jdbc(), "c1", 2);
            dossiers.acknowledgeUpTo(tx.jdbc(), "d1", 2, now);
            return null;
        });
        assertThat(cases.pending(0, 10)).isEmpty();
        assertThat(dossiers.findVersion("d1", 1).orElseThrow().status()).isEqualTo(DossierStatus.ACKNOWLEDGED);
        assertThat(dossiers.findVersion("d1", 2).orElseThrow().status()).isEqualTo(DossierStatus.ACKNOWLEDGED);
    }

    private static DossierStore.StoredDossier dossier(String id, String caseId) {
        return new DossierStore.StoredDossier(id, caseId, "dk-dis", 1, "US-1", "26-1", "p-1");
    }

    private static HubProperties properties() {
        return new HubProperties(null, null, null, null, null, null, null, new HubProperties.Commit(64), null,
                null, null, null);
    }
}
