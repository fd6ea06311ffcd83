package dk.dkrw.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.FeedPages;
import dk.dkrw.hub.support.HubProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hub under test as a separate process ({@code java -jar}) and the partners that talk to it over mutual
 * TLS with keep-alive: dk-dis pushing, rw-kigali-office pulling and posting events.
 */
final class BenchHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubProcess process;
    final HttpClient agency = client("dk-dis");
    final HttpClient kigali = client("rw-kigali-office");
    final String base;
    final ProcessStats stats;
    private final CmsSigner agencySigner = DevPki.signer("dk-dis");
    private final CmsSigner kigaliSigner = DevPki.signer("rw-kigali-office");

    private final Path dataDir;
    private String feedEnd = "";

    private BenchHub(HubProcess process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
        this.base = "https://localhost:" + process.partnerPort();
        this.stats = new ProcessStats(process.pid());
    }

    static BenchHub start(Path dataDir, String name, List<String> jvmOptions, List<String> args) throws IOException {
        return new BenchHub(HubProcess.start(dataDir, name, jvmOptions, args.toArray(String[]::new)), dataDir);
    }

    /** MiB on disk under the hub's data folder (database, broker journal, attachments); NaN if unreadable. */
    double dataDirMiB() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0; // a journal file rotated away while we walked
                }
            }).sum() / (1024.0 * 1024.0);
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    Duration startToReady() {
        return process.startToReady();
    }

    /** A request unanswered this long counts as failed, so an overloaded hub cannot stall a phase. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    long pid() {
        return process.pid();
    }

    HttpRequest dossier(byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Dossier-Signature", agencySigner.signBase64(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    HttpRequest event(String caseId, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + caseId + "/events"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Event-Signature", kigaliSigner.signBase64(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).GET().build();
    }

    HttpRequest ack(String caseId, int version) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + caseId + "/ack"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + version + "}")).build();
    }

    /** Uploads one attachment; returns its entry for the generator. */
    SyntheticDossiers.Attachment upload(byte[] bytes) throws IOException, InterruptedException {
        String sha = dk.dkrw.hub.signature.Sha256.hex(bytes);
        HttpResponse<Void> response = agency.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/attachments/" + sha))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("attachment upload refused: " + response.statusCode());
        }
        return new SyntheticDossiers.Attachment(sha, bytes.length);
    }

    /** Every caseId in the feed, oldest first. */
    List<String> feedCaseIds() {
        List<String> ids = new ArrayList<>();
        FeedPages.walk(this::getJson, "", item -> ids.add(item.path("caseId").asText()));
        return ids;
    }

    /** The cursor after the newest case in the feed; each call pages only through what came since the last. */
    synchronized String feedCursor() {
        feedEnd = FeedPages.walk(this::getJson, feedEnd, item -> { });
        return feedEnd;
    }

    private JsonNode getJson(String path) {
        try {
            return JSON.readTree(kigali.send(get(path), HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the feed", e);
        }
    }

    private static HttpClient client(String party) {
        return HttpClient.newBuilder().sslContext(DevPki.clientTls(party)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
