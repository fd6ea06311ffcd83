package dk.dkrw.hub.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubProcess;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code json-logs} profile on the packaged hub: every console line is an ECS JSON object, and the lines
 * of one dossier's flow carry its correlation id, dossierId and Camel route id as fields, on the request thread
 * and on the case stage's queue consumer alike.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_NAME = "json-logs-" + UUID.randomUUID();

    @Test
    void linesAreEcsJsonCarryingTheFlowsIds() throws Exception {
        Path dataDir = Path.of("target", "it-data", LOG_NAME);
        Path log = Path.of("target", "test-logs", LOG_NAME + ".log");
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String dossierId = Dossiers.dossierId(dossier);
        String correlationId = "json-" + UUID.randomUUID();

        try (HubProcess hub = HubProcess.start(dataDir, LOG_NAME, "--spring.profiles.active=json-logs",
                "--logging.level.dk.dkrw.hub.config.ExchangeLogContext=DEBUG")) {
            PartnerClient agency = new PartnerClient("dk-dis", hub.partnerPort());
            HttpResponse<byte[]> response = agency.send(HttpRequest.newBuilder(
                            URI.create(agency.base() + "/api/v1/dossiers"))
                    .header("Content-Type", "application/json")
                    .header("X-Dossier-Signature", DevPki.signer("dk-dis").signBase64(dossier))
                    .header(LogContext.CORRELATION_HTTP_HEADER, correlationId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(dossier)).build());
            assertThat(response.statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<JsonNode> flow = jsonLines(log).stream()
                        .filter(line -> correlationId.equals(field(line, LogContext.CORRELATION_ID)))
                        .toList();
                assertThat(flow).anySatisfy(line -> {
                    assertThat(field(line, "camel.routeId")).isEqualTo("dossier-intake");
                    assertThat(field(line, LogContext.DOSSIER_ID)).isEqualTo(dossierId);
                });
                assertThat(flow).anySatisfy(line -> {
                    assertThat(field(line, "camel.routeId")).isEqualTo("case-transform");
                    assertThat(field(line, LogContext.DOSSIER_ID)).isEqualTo(dossierId);
                    assertThat(field(line, LogContext.CASE_ID)).isNotBlank();
                });
            });
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        long json = lines.stream().filter(line -> line.startsWith("{")).count();
        assertThat(json).as("JSON lines").isGreaterThan(20);
        assertThat(jsonLines(log)).allSatisfy(line -> {
            assertThat(field(line, "@timestamp")).isNotBlank();
            assertThat(field(line, "log.level")).isNotBlank();
            assertThat(field(line, "service.name")).isEqualTo("dkrw-hub");
        });
    }

    /** A field by its ECS name, written flat ({@code "log.level"}) or nested ({@code "log": {"level"}}). */
    private static String field(JsonNode line, String name) {
        if (line.has(name)) {
            return line.get(name).asText();
        }
        JsonNode node = line;
        for (String part : name.split("\\.")) {
            node = node.path(part);
        }
        return node.asText();
    }

    private static List<JsonNode> jsonLines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith("{"))
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + line.length() + " characters", e);
                    }
                }).toList();
    }
}
