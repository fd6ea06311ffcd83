package dk.dkrw.hub.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an operator-port refusal: problem+json with the contract code and nothing internal in it. */
public final class OpsProblems {

    private OpsProblems() {
    }

    public static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Dossiers.read(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(problem.path("type").asText()).isEqualTo("urn:dkrw-hub:problem:" + code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dk.dkrw");
        return problem;
    }
}
