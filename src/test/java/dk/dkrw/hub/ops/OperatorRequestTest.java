package dk.dkrw.hub.ops;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.StrictJsonReader;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's JSON bodies: strict fields, a bounded reason, every violation at once, no value echoed. */
class OperatorRequestTest {

    private static OperatorRequest read(String json) throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ops/v1/dead-letters/replay");
        if (json != null) {
            request.setContentType("application/json");
            request.setContent(json.getBytes(StandardCharsets.UTF_8));
        }
        return OperatorRequest.read(request, new StrictJsonReader(), Set.of("route", "reason"));
    }

    @Test
    void trimsTheReason() throws IOException {
        assertThat(read("{\"reason\":\"  mapping fixed \\n\"}").reason(true)).isEqualTo("mapping fixed");
    }

    @Test
    void treatsAnEmptyBodyAsNoFieldsAtAll() throws IOException {
        OperatorRequest body = read(null);

        assertThat(body.filter("route")).isNull();
        assertThat(body.reason(false)).isNull();
        body.requireValid();
    }

    @Test
    void refusesAMissingRequiredReasonAtItsPointer() throws IOException {
        OperatorRequest body = read("{}");
        body.reason(true);

        assertThatThrownBy(body::requireValid).isInstanceOfSatisfying(HubException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/reason");
        });
    }

    @Test
    void refusesAReasonLongerThan500CharactersWithoutEchoingIt() throws IOException {
        String longReason = "x".repeat(OperatorRequest.MAX_REASON + 1);
        OperatorRequest body = read("{\"reason\":\"" + longReason + "\"}");
        body.reason(true);

        assertThatThrownBy(body::requireValid).isInstanceOfSatisfying(HubException.class,
                failure -> assertThat(failure.violations().toString()).doesNotContain(longReason));
    }

    @Test
    void refusesControlCharactersAndNonTextReasons() throws IOException {
        for (String json : new String[] {"{\"reason\":\"a\\u0000b\"}", "{\"reason\":42}", "{\"reason\":\" \"}"}) {
            OperatorRequest body = read(json);
            body.reason(false);
            assertThatThrownBy(body::requireValid).as(json).isInstanceOf(HubException.class);
        }
    }

    @Test
    void refusesAnUnknownFieldSoAMisspeltFilterNeverWidensAReplay() throws IOException {
        OperatorRequest body = read("{\"rout\":\"case-transform\",\"route\":\"\"}");
        body.filter("route");

        assertThatThrownBy(body::requireValid).isInstanceOfSatisfying(HubException.class,
                failure -> assertThat(failure.violations()).extracting(Violation::pointer)
                        .containsExactly("/rout", "/route"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/ops/v1/dead-letters/1");
        request.setContentType("text/plain");
        request.setContent("because".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> OperatorRequest.read(request, new StrictJsonReader(), Set.of("reason")))
                .isInstanceOfSatisfying(HubException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE));
    }
}
