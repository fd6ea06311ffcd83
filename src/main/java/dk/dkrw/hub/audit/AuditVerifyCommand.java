package dk.dkrw.hub.audit;

import dk.dkrw.hub.signature.PemFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The offline audit verifier: checks the chain and its signed checkpoints in a hub's database without starting
 * the hub. Runs from the fat jar (see README, "Verifying the audit chain"):
 *
 * <pre>
 * java -cp target/dkrw-hub-0.1.0-SNAPSHOT.jar -Dloader.main=dk.dkrw.hub.audit.AuditVerifyCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --data-dir=./data --hub-cert=./certs-dev/hub.crt
 * </pre>
 *
 * Exit status 0 when intact, 1 when the chain or a checkpoint is broken (the first broken entry is named),
 * 2 when it could not verify (bad arguments, database unreachable or locked by a running hub).
 */
public final class AuditVerifyCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int CANNOT_VERIFY = 2;

    private static final String USAGE = """
            usage: AuditVerifyCommand (--data-dir=DIR | --jdbc-url=URL) [--hub-cert=FILE ...] [--user=NAME]
              --data-dir   a hub data folder; its embedded database DIR/db/hub is opened read-only
                           (stop the hub first: a running hub holds the file; use GET /ops/v1/audit/verify then)
              --jdbc-url   a database URL, e.g. jdbc:postgresql://db:5432/hub (user from --user or HUB_DB_USER,
                           password from the environment variable HUB_DB_PASSWORD, never from the command line)
              --hub-cert   the hub certificate (PEM) whose key signs checkpoints; repeat it for certificates the
                           hub used before a renewal (default ./certs-dev/hub.crt)""";

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.getenv()));
    }

    static int run(String[] args, PrintStream out, Map<String, String> environment) {
        Options options;
        try {
            options = Options.parse(args, environment);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return CANNOT_VERIFY;
        }
        AuditVerifier.Result result;
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(options.url, options.user,
                    options.password);
            result = AuditVerifier.verify(new JdbcTemplate(dataSource), options.certificates);
        } catch (RuntimeException e) {
            out.println("audit chain: CANNOT VERIFY - " + e.getClass().getSimpleName()
                    + " while reading the database (is the URL right? is the hub still running on it?)");
            return CANNOT_VERIFY;
        }
        print(result, out);
        return result.intact() ? INTACT : BROKEN;
    }

    private static void print(AuditVerifier.Result result, PrintStream out) {
        String checkpoints = result.checkpointsChecked() + " signed checkpoint(s)"
                + (result.lastCheckpointSeq() == null ? ""
                : ", the last of entry " + result.lastCheckpointSeq() + " signed " + result.lastCheckpointAt());
        if (result.intact()) {
            out.println("audit chain: INTACT - " + result.entriesChecked() + " entries, " + checkpoints);
        } else {
            out.println("audit chain: BROKEN at entry " + result.brokenAt() + " - " + result.reason());
            out.println("checked " + result.entriesChecked() + " entries, " + checkpoints);
        }
    }

    private record Options(String url, String user, String password, List<X509Certificate> certificates) {

        static Options parse(String[] args, Map<String, String> environment) {
            String dataDir = null;
            String url = null;
            String user = null;
            List<Path> certificateFiles = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--data-dir=")) {
                    dataDir = arg.substring("--data-dir=".length());
                } else if (arg.startsWith("--jdbc-url=")) {
                    url = arg.substring("--jdbc-url=".length());
                } else if (arg.startsWith("--user=")) {
                    user = arg.substring("--user=".length());
                } else if (arg.startsWith("--hub-cert=")) {
                    certificateFiles.add(Path.of(arg.substring("--hub-cert=".length())));
                } else {
                    throw new IllegalArgumentException("unknown argument: " + arg.split("=", 2)[0]);
                }
            }
            if ((dataDir == null) == (url == null)) {
                throw new IllegalArgumentException("give exactly one of --data-dir and --jdbc-url");
            }
            if (dataDir != null) {
                Path database = Path.of(dataDir).toAbsolutePath().resolve("db");
                if (!Files.exists(database.resolve("hub.mv.db"))) {
                    throw new IllegalArgumentException("no hub database in " + database);
                }
                url = "jdbc:h2:file:" + database.resolve("hub") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
                user = user == null ? "hub" : user;
            } else if (user == null) {
                user = environment.getOrDefault("HUB_DB_USER", "hub");
            }
            if (certificateFiles.isEmpty()) {
                certificateFiles.add(Path.of("certs-dev", "hub.crt"));
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Path file : certificateFiles) {
                if (!Files.isReadable(file)) {
                    throw new IllegalArgumentException("hub certificate not readable: " + file);
                }
                certificates.add(PemFiles.readCertificate(file));
            }
            return new Options(url, user, environment.getOrDefault("HUB_DB_PASSWORD", ""), certificates);
        }
    }
}
