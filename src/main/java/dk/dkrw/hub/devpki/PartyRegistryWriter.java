package dk.dkrw.hub.devpki;

import dk.dkrw.hub.signature.PemFiles;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Renders the development party registry ({@code parties.yaml}) for the generated certificates. Only the valid
 * party certificates are registered: the expired, revoked and untrusted ones must stay unknown to the hub.
 */
final class PartyRegistryWriter {

    /** One registered party and the certificate it is recognised by. */
    record Entry(String partyId, String kind, String authority, List<String> permissions,
                 X509Certificate certificate) {
    }

    private PartyRegistryWriter() {
    }

    static String render(List<Entry> entries) {
        StringBuilder yaml = new StringBuilder()
                .append("# DEVELOPMENT ONLY party registry for the certs-dev PKI. Never use in production.\n")
                .append("parties:\n");
        for (Entry entry : entries) {
            yaml.append("  ").append(entry.partyId()).append(":\n")
                    .append("    kind: ").append(entry.kind()).append('\n');
            if (entry.authority() != null) {
                yaml.append("    authority: ").append(entry.authority()).append('\n');
            }
            yaml.append("    permissions: [").append(String.join(", ", entry.permissions())).append("]\n")
                    .append("    certificates:\n")
                    .append("      - subject: ").append(quoted(entry.certificate()
                            .getSubjectX500Principal().getName())).append('\n')
                    .append("        sha256: ").append(quoted(PemFiles.fingerprint(entry.certificate())))
                    .append('\n');
        }
        return yaml.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
