package dk.dkrw.hub.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged hub started as a separate process ({@code java -jar target/dkrw-hub-*.jar}), as operators run
 * it, on free loopback ports and a given data folder. Its output goes to {@code target/test-logs/}, so the
 * log scan covers it too.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int partnerPort;
    private final int opsPort;
    private int brokerPort;

    private Duration startToReady;

    private HubProcess(Process process, int partnerPort, int opsPort) {
        this.process = process;
        this.partnerPort = partnerPort;
        this.opsPort = opsPort;
    }

    public static HubProcess start(Path dataDir, String logName, String... extraArgs) throws IOException {
        return start(dataDir, logName, List.of("-Xmx512m"), extraArgs);
    }

    /** Started with the given JVM options (heap size, JFR) instead of the default {@code -Xmx512m}. */
    public static HubProcess start(Path dataDir, String logName, List<String> jvmOptions, String... extraArgs)
            throws IOException {
        int partnerPort = freePort();
        int opsPort = freePort();
        int brokerPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(),
                "--hub.data-dir=" + dataDir.toAbsolutePath(),
                "--hub.partner.port=" + partnerPort,
                "--hub.ops.port=" + opsPort,
                "--hub.broker.tcp-port=" + brokerPort));
        command.addAll(List.of(extraArgs));
        Path log = Path.of("target", "test-logs", logName + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant launched = Instant.now();
        HubProcess hub = new HubProcess(process, partnerPort, opsPort);
        hub.brokerPort = brokerPort;
        hub.awaitReady(Duration.ofSeconds(120));
        hub.startToReady = Duration.between(launched, Instant.now());
        return hub;
    }

    public int partnerPort() {
        return partnerPort;
    }

    public int opsPort() {
        return opsPort;
    }

    /** The embedded broker's TLS acceptor (queue intake). */
    public int brokerPort() {
        return brokerPort;
    }

    public long pid() {
        return process.pid();
    }

    /** How long the process took from launch to a ready answer on the operator port. */
    public Duration startToReady() {
        return startToReady;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub process exited with " + process.exitValue());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(
                        "http://127.0.0.1:" + opsPort + "/actuator/health/readiness").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("hub did not become ready within " + timeout);
    }

    /**
     * The packaged hub, or the jar named by {@code -Dhub.jar} (the benchmark starts the extracted jar its class
     * data sharing archive was made from).
     */
    private static Path jar() throws IOException {
        String named = System.getProperty("hub.jar");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("dkrw-hub-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no packaged hub in target/: run through 'mvn verify', which packages first"));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
