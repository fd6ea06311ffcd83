package dk.dkrw.hub.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.net.ssl.SSLSocket;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attachments stream in and out: an upload broken off mid-body or with the wrong hash leaves nothing (no
 * temporary file, no stored entry), a dossier naming an attachment the hub lacks is refused naming it, and a
 * download honours HTTP ranges with the exact slice.
 */
class AttachmentStreamingIT extends HubIT {

    private static final Path STORE = DATA_DIR.resolve("attachments");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AttachmentStore store;

    PartnerClient agency;

    @BeforeEach
    void client() {
        agency = new PartnerClient("dk-dis", port);
    }

    @Test
    void uploadBrokenOffMidStreamLeavesNoTemporaryFileAndNoEntry() throws Exception {
        byte[] whole = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(whole);
        String sha256 = Samples.sha256(whole);
        try (SSLSocket socket = (SSLSocket) DevPki.clientTls("dk-dis").getSocketFactory()
                .createSocket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/attachments/" + sha256 + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + whole.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(whole, 0, 1024 * 1024);
            out.flush();
            // break off only once the hub streams this upload (a reset before it read the request would leave
            // nothing either, but would not test the abort)
            await().atMost(Duration.ofSeconds(30)).until(() -> !temporaryFiles().isEmpty());
            socket.setSoLinger(true, 0);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from audit_entry "
                + "where kind = 'ATTACHMENT_REJECTED' and subject_sha256 = ?", Long.class, sha256) == 1);
        assertThat(temporaryFiles()).isEmpty();
        assertThat(store.sizeOf(sha256)).isEmpty();
        assertThat(Files.exists(STORE.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
                .resolve(sha256))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'ATTACHMENT_STORED' "
                + "and subject_sha256 = ?", Long.class, sha256)).isZero();
    }

    @Test
    void wrongHashLeavesNoTemporaryFileAndNoEntry() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024];
        new Random(11).nextBytes(bytes);
        String claimed = Samples.sha256("other bytes".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> response = agency.putAttachment(claimed, bytes);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Dossiers.read(response.body()).path("type").asText()).endsWith("attachment-hash-mismatch");
        assertThat(temporaryFiles()).isEmpty();
        assertThat(store.sizeOf(claimed)).isEmpty();
        assertThat(store.sizeOf(Samples.sha256(bytes))).isEmpty();
    }

    @Test
    void dossierNamingAnAttachmentTheHubDoesNotHoldIsA422NamingIt() {
        byte[] body = Samples.invalidDossier("attachment-not-held.json");
        JsonNode listed = null;
        for (JsonNode attachment : Dossiers.read(body).path("attachments")) {
            if (store.sizeOf(attachment.path("sha256").asText()).isEmpty()) {
                listed = attachment;
            }
        }
        assertThat(listed).as("the sample lists an attachment the hub does not hold").isNotNull();

        HttpResponse<byte[]> response = agency.postDossier(body, DevPki.signer("dk-dis").signBase64(body));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = Dossiers.read(response.body());
        assertThat(problem.path("type").asText()).endsWith("attachment-missing");
        assertThat(problem.path("errors").toString()).contains(listed.path("attachmentId").asText())
                .contains(listed.path("sha256").asText());
    }

    @Test
    void downloadHonoursRangesWithTheExactSlice() {
        byte[] passport = Samples.attachment("passport-scan.pdf");
        byte[] medical = Samples.attachment("medical-report.pdf");
        assertThat(agency.putAttachment(Samples.sha256(passport), passport).statusCode()).isIn(200, 201);
        assertThat(agency.putAttachment(Samples.sha256(medical), medical).statusCode()).isIn(200, 201);
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("dk-dis-family.json"));
        HttpResponse<byte[]> accepted = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String caseId = Dossiers.read(accepted.body()).path("caseId").asText();
        PartnerClient kigali = new PartnerClient("rw-kigali-office", port);
        await().atMost(Duration.ofSeconds(30)).until(() -> kigali.get("/api/v1/cases/" + caseId).statusCode() == 200);
        String path = "/api/v1/cases/" + caseId + "/attachments/att-passport";

        HttpResponse<byte[]> slice = ranged(kigali, path, "bytes=100-1123");
        assertThat(slice.statusCode()).isEqualTo(206);
        assertThat(slice.headers().firstValue("Content-Range")).hasValue("bytes 100-1123/" + passport.length);
        assertThat(slice.body()).isEqualTo(Arrays.copyOfRange(passport, 100, 1124));

        HttpResponse<byte[]> tail = ranged(kigali, path, "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(passport, passport.length - 10, passport.length));

        assertThat(ranged(kigali, path, "bytes=" + passport.length + "-").statusCode()).isEqualTo(416);

        HttpResponse<byte[]> whole = kigali.get(path);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.body()).isEqualTo(passport);
    }

    private static HttpResponse<byte[]> ranged(PartnerClient client, String path, String range) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path)).header("Range", range)
                .GET().build());
    }

    private static java.util.List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(STORE.resolve(".incoming"))) {
            return files.toList();
        }
    }
}
