package dk.dkrw.hub.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses partner JSON strictly: UTF-8 only (no byte-order mark, no UTF-16 auto-detection, no malformed
 * sequences), one top-level object, no duplicate keys (two readings of one signed document must be impossible),
 * no trailing content, bounded nesting depth and string length.
 */
public final class StrictJsonReader {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_STRING_LENGTH = 1_000_000;

    private final ObjectMapper mapper;

    public StrictJsonReader() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonParser.Feature.ALLOW_COMMENTS)
                .build();
    }

    /** Returns the top-level JSON object, or throws {@code malformed-body}. */
    public JsonNode readObject(byte[] body) {
        String text = decodeUtf8(body);
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "body is not well-formed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "body must be one JSON object");
        }
        return node;
    }

    private static String decodeUtf8(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "body must be UTF-8 without a byte-order mark");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "body is not valid UTF-8");
        }
    }
}
