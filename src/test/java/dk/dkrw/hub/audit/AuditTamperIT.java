package dk.dkrw.hub.audit;

import com.zaxxer.hikari.HikariDataSource;
import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.PemFiles;
import dk.dkrw.hub.storage.GroupCommitter;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with a stored audit chain, on its own database (H2 file and PostgreSQL), never the shared test
 * hub's: a changed byte, a removed entry, a forged or altered checkpoint, a chain rewritten with fresh hashes
 * and a cut-off tail are each named by the verifier, and the command-line verifier says the same.
 */
class AuditTamperIT {

    private static final X509Certificate HUB = PemFiles.readCertificate(DevPki.cert("hub"));
    private static final CmsSigner HUB_SIGNER = DevPki.signer("hub");

    private HikariDataSource dataSource;
    private GroupCommitter committer;
    private JdbcTemplate jdbc;
    private String url;
    private String user;

    @AfterEach
    void close() throws InterruptedException {
        if (committer != null) {
            committer.stop();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** Twelve entries with a signed checkpoint after the sixth (entry 7 announces it) and one after the 12th. */
    private void chain(String database) {
        dataSource = TestDatabases.named(database);
        user = dataSource.getUsername();
        url = dataSource.getJdbcUrl();
        jdbc = new JdbcTemplate(dataSource);
        committer = new GroupCommitter(dataSource, new HubProperties(null, null, null, null, null, null, null,
                new HubProperties.Commit(64), null, null, null, null));
        for (int i = 1; i <= 6; i++) {
            append(i);
        }
        assertThat(checkpoint()).isEqualTo(6);
        for (int i = 8; i <= 12; i++) {
            append(i);
        }
        assertThat(checkpoint()).isEqualTo(12);
    }

    private void append(int n) {
        committer.commit(tx -> {
            tx.audit(AuditRecord.of(AuditKind.CASE_PULLED, Instant.now()).party("rw-kigali-office")
                    .caseId(UUID.randomUUID().toString()).detail("pull " + n).build());
            return null;
        });
    }

    private long checkpoint() {
        return committer.commit(tx -> {
            AuditCheckpoints.Signed signed = AuditCheckpoints.sign(tx.jdbc(), HUB_SIGNER, Instant.now())
                    .orElseThrow();
            tx.audit(signed.record());
            return signed.checkpoint().seq();
        });
    }

    private AuditVerifier.Result verify() {
        return AuditVerifier.verify(jdbc, List.of(HUB));
    }

    /** The command-line verifier's exit status and output, run in-process on the same database. */
    private Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditVerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("HUB_DB_USER", user));
        return new Cli(status, out.toString(StandardCharsets.UTF_8));
    }

    private Cli cliOnThisDatabase() {
        return cli("--jdbc-url=" + url, "--hub-cert=" + DevPki.cert("hub"));
    }

    private record Cli(int status, String output) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void intactChainAndCheckpointsVerifyAndTheCommandAgrees(String database) {
        chain(database);

        AuditVerifier.Result result = verify();
        assertThat(result.intact()).as(result.reason()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(13);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
        assertThat(result.lastCheckpointSeq()).isEqualTo(12);
        Cli cli = cliOnThisDatabase();
        assertThat(cli.status()).as(cli.output()).isZero();
        assertThat(cli.output()).contains("INTACT").contains("13 entries").contains("2 signed checkpoint(s)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneChangedByteNamesThatEntry(String database) {
        chain(database);
        jdbc.update("update audit_entry set party_id = 'rw-kigali-officf' where seq = 4");

        AuditVerifier.Result result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(4);
        assertThat(result.reason()).contains("entry 4 was altered");
        Cli cli = cliOnThisDatabase();
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.output()).contains("BROKEN at entry 4").contains("altered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRemovedEntryIsNamed(String database) {
        chain(database);
        jdbc.update("delete from audit_entry where seq = 9");

        AuditVerifier.Result result = verify();
        assertThat(result.brokenAt()).isEqualTo(9);
        assertThat(result.reason()).contains("entry 9 is missing");
        Cli cli = cliOnThisDatabase();
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.output()).contains("BROKEN at entry 9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aForgedCheckpointIsNamed(String database) {
        chain(database);
        String head = jdbc.queryForObject("select hash from audit_entry where seq = 10", String.class);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        byte[] forged = DevPki.signer("untrusted").sign(new AuditCheckpoint(0, 10, head, at, "x", new byte[0])
                .content());
        jdbc.update("insert into audit_checkpoint (seq, head_hash, signed_at, signer_sha256, signature) "
                + "values (10, ?, ?, ?, ?)", head, Timestamp.from(at), "0".repeat(64), forged);

        AuditVerifier.Result result = verify();
        assertThat(result.brokenAt()).isEqualTo(10);
        assertThat(result.reason()).contains("checkpoint").contains("is not genuine")
                .contains("other than the given hub certificate");
        Cli cli = cliOnThisDatabase();
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.output()).contains("BROKEN at entry 10").contains("not genuine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCheckpointMovedToAnotherEntryNoLongerVerifies(String database) {
        chain(database);
        String other = jdbc.queryForObject("select hash from audit_entry where seq = 3", String.class);
        jdbc.update("update audit_checkpoint set seq = 3, head_hash = ? where seq = 6", other);

        AuditVerifier.Result result = verify();
        assertThat(result.brokenAt()).isEqualTo(3);
        assertThat(result.reason()).contains("signed digest does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aChainRewrittenWithFreshHashesIsCaughtByTheSignedCheckpoint(String database) {
        chain(database);
        rewriteFrom(2, "rw-someone-else");

        assertThat(AuditVerifier.verify(jdbc).intact()).as("the hashes alone are consistent again").isTrue();
        AuditVerifier.Result result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(6);
        assertThat(result.reason()).contains("not the entry signed by checkpoint").contains("rewritten");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCutOffTailIsCaughtByTheLastCheckpoint(String database) {
        chain(database);
        jdbc.update("delete from audit_entry where seq > 10");
        jdbc.update("update audit_head set seq = 10, hash = (select hash from audit_entry where seq = 10)");

        assertThat(AuditVerifier.verify(jdbc).intact()).as("the hashes alone cannot see it").isTrue();
        AuditVerifier.Result result = verify();
        assertThat(result.brokenAt()).isEqualTo(11);
        assertThat(result.reason()).contains("entries 11 to 12 are missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeletedCheckpointIsMissedByTheEntryThatAnnouncedIt(String database) {
        chain(database);
        jdbc.update("delete from audit_checkpoint where seq = 6");

        AuditVerifier.Result result = verify();
        assertThat(result.brokenAt()).isEqualTo(7);
        assertThat(result.reason()).contains("no longer stored");
    }

    @Test
    void theCommandReadsAHubDataFolderAndRefusesBadArguments() throws Exception {
        Path dataDir = Path.of("target", "it-data", "cli-" + UUID.randomUUID()).toAbsolutePath();
        String h2 = "jdbc:h2:file:" + dataDir.resolve("db").resolve("hub") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (HikariDataSource folder = new HikariDataSource()) {
            folder.setJdbcUrl(h2);
            folder.setUsername("hub");
            folder.setPassword("");
            Flyway.configure().dataSource(folder).locations("classpath:db/migration").load().migrate();
            GroupCommitter folderCommitter = new GroupCommitter(folder, new HubProperties(null, null, null, null,
                    null, null, null, new HubProperties.Commit(8), null, null, null, null));
            try {
                folderCommitter.commit(tx -> {
                    tx.audit(AuditRecord.of(AuditKind.DOSSIER_ACCEPTED, Instant.now()).party("dk-dis").build());
                    return null;
                });
            } finally {
                folderCommitter.stop();
            }
        }
        user = "hub";

        Cli intact = cli("--data-dir=" + dataDir, "--hub-cert=" + DevPki.cert("hub"));
        assertThat(intact.status()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("INTACT - 1 entries, 0 signed checkpoint(s)");

        assertThat(cli("--data-dir=" + dataDir.resolve("nothing-here")).status()).isEqualTo(2);
        assertThat(cli("--data-dir=" + dataDir, "--jdbc-url=jdbc:h2:mem:x").status()).isEqualTo(2);
        assertThat(cli("--password=secret").output()).contains("unknown argument: --password")
                .doesNotContain("secret");
        assertThat(cli("--jdbc-url=jdbc:postgresql://127.0.0.1:1/none", "--hub-cert=" + DevPki.cert("hub"))
                .output()).contains("CANNOT VERIFY");
    }

    /** What someone with database access but without the hub key can do: change an entry and re-hash onwards. */
    private void rewriteFrom(long seq, String party) {
        jdbc.update("update audit_entry set party_id = ? where seq = ?", party, seq);
        String previous = jdbc.queryForObject("select prev_hash from audit_entry where seq = ?", String.class, seq);
        List<Object[]> rows = jdbc.query("select seq, at, kind, party_id, dossier_id, version, case_id, event_id, "
                + "subject_sha256, cause, detail from audit_entry where seq >= ? order by seq", (rs, n) -> new Object[] {
                rs.getLong(1), new AuditRecord(rs.getTimestamp(2).toInstant(), AuditKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11))}, seq);
        for (Object[] row : rows) {
            long s = (Long) row[0];
            String hash = AuditChain.hash(s, (AuditRecord) row[1], previous);
            jdbc.update("update audit_entry set prev_hash = ?, hash = ? where seq = ?", previous, hash, s);
            previous = hash;
        }
        jdbc.update("update audit_head set hash = ? where id = 1", previous);
    }
}
