package dk.dkrw.hub.soap;

import dk.dkrw.hub.support.Samples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what an agency's SOAP stack would send for a dossier JSON file: the XML form, the RFC 8785 bytes the
 * signature covers, and the whole signed submitDossier envelope (signed with a certs-dev party). From the
 * project root:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dk.dkrw.hub.soap.SoapEnvelopeTool \
 *     -Dexec.args="samples/dossiers/valid/dk-dis-family.json dk-dis /tmp/soap"
 * </pre>
 *
 * writes {@code /tmp/soap/dossier.xml}, {@code /tmp/soap/signed.json} and {@code /tmp/soap/envelope.xml}.
 */
public final class SoapEnvelopeTool {

    private SoapEnvelopeTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SoapEnvelopeTool <dossier.json> <certs-dev party> <output folder>");
            System.exit(2);
        }
        byte[] dossier = Samples.read(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[2]));
        SoapSender sender = new SoapSender(null);
        String xml = sender.dossierXml(dossier);
        Files.writeString(out.resolve("dossier.xml"), xml, StandardCharsets.UTF_8);
        Files.write(out.resolve("signed.json"), SoapSender.signedBytes(dossier));
        Files.writeString(out.resolve("envelope.xml"), SoapSender.envelope(xml, SoapSender.sign(args[1], dossier)),
                StandardCharsets.UTF_8);
        System.out.println("wrote dossier.xml, signed.json and envelope.xml to " + out);
    }
}
