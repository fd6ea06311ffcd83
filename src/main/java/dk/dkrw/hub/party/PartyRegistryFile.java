package dk.dkrw.hub.party;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the party registry YAML: parties by id, each with kind, authority, permissions, an optional rate limit
 * and the certificates that identify it: by SHA-256 fingerprint (pinned; preferred), or, for entries without
 * a fingerprint, by exact subject of a certificate that already chains to a trust anchor.
 */
final class PartyRegistryFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PartyRegistryFile() {
    }

    record Entry(String kind, String authority, Set<Permission> permissions, RateLimitEntry rateLimit,
                 List<CertificateEntry> certificates) {
    }

    record RateLimitEntry(int permitsPerSecond) {
    }

    record CertificateEntry(String subject, String sha256) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Document(Map<String, Entry> parties) {
    }

    /** Loaded registry: lookup maps by fingerprint and by subject. */
    record Snapshot(Map<String, Party> byFingerprint, Map<String, Party> bySubject, Map<String, Party> byId) {
    }

    static Snapshot read(Path file) throws IOException {
        Document document = YAML.readValue(file.toFile(), Document.class);
        Map<String, Party> byFingerprint = new HashMap<>();
        Map<String, Party> bySubject = new HashMap<>();
        Map<String, Party> byId = new HashMap<>();
        if (document.parties() == null) {
            return new Snapshot(byFingerprint, bySubject, byId);
        }
        document.parties().forEach((id, entry) -> {
            Party.RateLimit limit = entry.rateLimit() == null ? Party.RateLimit.DEFAULT
                    : new Party.RateLimit(entry.rateLimit().permitsPerSecond());
            Party party = new Party(id, entry.kind(), entry.authority(),
                    entry.permissions() == null ? Set.of() : entry.permissions(), limit);
            byId.put(id, party);
            for (CertificateEntry certificate : entry.certificates() == null
                    ? List.<CertificateEntry>of() : entry.certificates()) {
                // a pinned fingerprint is the whole identity: the subject of a pinned entry is documentation
                if (certificate.sha256() != null) {
                    byFingerprint.put(certificate.sha256().toLowerCase(Locale.ROOT).replace(":", ""), party);
                } else if (certificate.subject() != null) {
                    bySubject.put(certificate.subject(), party);
                }
            }
        });
        return new Snapshot(Map.copyOf(byFingerprint), Map.copyOf(bySubject), Map.copyOf(byId));
    }
}
