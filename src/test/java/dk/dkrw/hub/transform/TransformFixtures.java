package dk.dkrw.hub.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.validation.StrictJsonReader;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/** Test key, case contexts and the dossier fixtures under {@code src/test/resources/transform/}. */
final class TransformFixtures {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-only".getBytes(StandardCharsets.US_ASCII);
    static final String CASE_A = "7d2f4a10-5b3c-4e8d-9f01-23456789abcd";
    static final String CASE_B = "e41c9b22-0a7d-4c3e-8b5f-6a7b8c9d0e1f";
    static final Provenance PROVENANCE = new Provenance(
            "5a0c1e6b9d3f47a28e1c0b9a8f7e6d5c4b3a29181716151413121110f0e0d0c0",
            "dk-dis",
            "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc",
            Instant.parse("2026-11-20T09:14:05Z"),
            "b8e2d4c6-1a3f-4e5d-9c7b-0f1e2d3c4b5a");

    static final String EXAMPLE = "dk-dossier-example.json";
    static final String EXAMPLE_VERSION_2 = "dossier-example-version-2.json";
    static final String DEPENDANT_WITH_CPR = "dossier-dependant-with-cpr.json";
    static final String NAMES_IN_NFD = "dossier-names-in-nfd.json";
    static final String VULNERABILITIES_CONSENT = "dossier-vulnerabilities-with-and-without-consent.json";
    static final String ATTACHMENTS = "dossier-attachments-ordinary-art9-and-opted-out.json";
    static final String UNKNOWN_FIELDS = "dossier-with-unknown-fields-everywhere.json";
    static final String OPTIONAL_FIELDS_ABSENT = "dossier-optional-fields-absent.json";
    static final String DOMAIN_EDGE_CASES = "dossier-domain-edge-cases.json";
    static final String RELATIONSHIP_TO_NON_PERSON = "dossier-relationship-to-non-person.json";
    static final String HELD_AT_WITH_OFFSET = "dossier-interview-held-at-with-offset.json";

    private static final StrictJsonReader READER = new StrictJsonReader();

    private TransformFixtures() {
    }

    /** Every dossier fixture; each maps to a schema-valid case. */
    static String[] allDossiers() {
        return new String[] {EXAMPLE, EXAMPLE_VERSION_2, DEPENDANT_WITH_CPR, NAMES_IN_NFD, VULNERABILITIES_CONSENT,
                ATTACHMENTS, UNKNOWN_FIELDS, OPTIONAL_FIELDS_ABSENT, DOMAIN_EDGE_CASES, RELATIONSHIP_TO_NON_PERSON,
                HELD_AT_WITH_OFFSET};
    }

    static JsonNode dossier(String name) {
        return READER.readObject(bytes(name));
    }

    static byte[] bytes(String name) {
        try (InputStream in = TransformFixtures.class.getResourceAsStream("/transform/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CaseContext context(String caseId, int version) {
        return new CaseContext(caseId, version, Instant.parse("2026-11-20T09:15:00Z"), PROVENANCE);
    }

    static DossierToCaseMapper mapper() {
        return new DossierToCaseMapper(new Pseudonymizer(KEY));
    }

    /** HMAC-SHA256 computed independently of {@link Pseudonymizer}, lower-case hex. */
    static String hmacHex(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
