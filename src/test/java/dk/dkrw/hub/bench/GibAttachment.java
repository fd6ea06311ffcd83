package dk.dkrw.hub.bench;

import dk.dkrw.hub.signature.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 1 GiB attachment through a hub running with {@code -Xmx256m}: streamed up (content-addressed PUT), listed
 * in a dossier, streamed down by Kigali, hashed on both sides; the hub's peak RSS shows nothing was held whole.
 */
final class GibAttachment {

    private static final long SIZE = 1L << 30;

    private final BenchOptions options;
    private final Report report;
    private final Path dataDir;

    GibAttachment(BenchOptions options, Report report, Path dataDir) {
        this.options = options;
        this.report = report;
        this.dataDir = dataDir;
    }

    void run() throws Exception {
        String sha = hash(new Generated(SIZE));
        try (BenchHub hub = BenchHub.start(dataDir, "bench-gib-hub", List.of("-Xmx256m"), List.of())) {
            long start = System.nanoTime();
            HttpResponse<Void> uploaded = hub.agency.send(HttpRequest.newBuilder(
                            URI.create(hub.base + "/api/v1/attachments/" + sha))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(SIZE)), SIZE))
                    .build(), HttpResponse.BodyHandlers.discarding());
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            if (uploaded.statusCode() != 201) {
                throw new IllegalStateException("1 GiB upload refused: " + uploaded.statusCode());
            }
            SyntheticDossiers generator = new SyntheticDossiers(3, List.of(new SyntheticDossiers.Attachment(sha, SIZE)));
            byte[] dossier = generator.next(6_000);
            HttpResponse<byte[]> accepted = hub.agency.send(hub.dossier(dossier), HttpResponse.BodyHandlers.ofByteArray());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("dossier with the 1 GiB attachment refused: " + accepted.statusCode());
            }
            String caseId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(accepted.body())
                    .path("caseId").asText();
            waitForCase(hub, caseId);
            start = System.nanoTime();
            HttpResponse<InputStream> download = hub.kigali.send(hub.get("/api/v1/cases/" + caseId
                    + "/attachments/att-0"), HttpResponse.BodyHandlers.ofInputStream());
            String downloaded;
            try (InputStream in = download.body()) {
                downloaded = hash(in);
            }
            double downloadSeconds = (System.nanoTime() - start) / 1e9;
            double peak = hub.stats.peakRssMiB();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("uploadSeconds", uploadSeconds);
            row.put("downloadSeconds", downloadSeconds);
            row.put("hashesEqual", downloaded.equals(sha));
            row.put("heap", "-Xmx256m");
            row.put("peakRssMiB", peak);
            report.put("gibAttachment", row);
            report.row("1 GiB attachment up+down at -Xmx256m", String.format("%.0f s up, %.0f s down, peak RSS %.0f MiB",
                    uploadSeconds, downloadSeconds, peak), "same sha256", Report.verdict(downloaded.equals(sha)));
        }
    }

    private static void waitForCase(BenchHub hub, String caseId) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (hub.kigali.send(hub.get("/api/v1/cases/" + caseId), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("case with the 1 GiB attachment not published");
    }

    private static String hash(InputStream in) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) != -1) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code size} deterministic pseudo-random bytes, generated as they are read (the same however read). */
    static final class Generated extends InputStream {
        private final long size;
        private long position;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? byteAt(position++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = byteAt(position++);
            }
            return n;
        }

        private static byte byteAt(long position) {
            long z = (position >>> 3) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (byte) (z >>> (8 * (position & 7)));
        }
    }
}
