package dk.dkrw.hub.signature;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract's interop promise, checked against the real {@code openssl} binary in both directions. Skipped,
 * with a message, where openssl is not installed.
 */
class OpenSslInteropTest {

    static final byte[] DOSSIER = Fixtures.bytes("dossier.json");

    @TempDir
    Path work;

    @BeforeAll
    static void requireOpenSsl() {
        boolean available;
        try {
            available = new ProcessBuilder("openssl", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        assumeTrue(available, "openssl is not on the PATH: CMS interop tests skipped");
    }

    @Test
    void acceptsDetachedSignatureMadeByOpenSsl() throws Exception {
        VerifiedSignature verified = verifier().verify(DOSSIER, openSslSign());

        assertThat(verified.signerFingerprint())
                .isEqualTo(PemFiles.fingerprint(TestPki.role("dk-dis").certificate()));
    }

    @Test
    void acceptsOpenSslCadesSignatureWithEssSigningCertificateV2() throws Exception {
        VerifiedSignature verified = verifier().verify(DOSSIER, openSslSign("-cades"));

        assertThat(verified.signerSubject()).startsWith("CN=dk-dis,");
    }

    @Test
    void openSslVerifiesHubSignature() throws Exception {
        Path content = Files.write(work.resolve("dossier.json"), DOSSIER);
        Path signature = Files.write(work.resolve("receipt.sig.der"),
                CmsSigner.fromPem(TestPki.file("hub.crt"), TestPki.file("hub.key")).sign(DOSSIER));
        Path out = work.resolve("verified.out");

        int exit = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", content.toString(), "-CAfile", TestPki.file("ca.crt").toString(), "-purpose", "any",
                "-out", out.toString());

        assertThat(exit).as("openssl cms -verify exit code").isZero();
        assertThat(out).hasBinaryContent(DOSSIER);
    }

    private static CmsVerifier verifier() {
        return new CmsVerifier(TestPki.anchorsWithCrl(), Duration.ofMinutes(5), Clock.systemUTC());
    }

    private String openSslSign(String... extra) throws Exception {
        Path content = Files.write(work.resolve("dossier.json"), DOSSIER);
        Path signature = work.resolve("sig.der");
        List<String> command = new ArrayList<>(List.of("cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER",
                "-signer", TestPki.file("dk-dis.crt").toString(), "-inkey", TestPki.file("dk-dis.key").toString(),
                "-in", content.toString(), "-out", signature.toString()));
        command.addAll(List.of(extra));

        assertThat(openssl(command.toArray(String[]::new))).as("openssl cms -sign exit code").isZero();
        return Base64.getEncoder().encodeToString(Files.readAllBytes(signature));
    }

    private int openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Path log = work.resolve("openssl.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0) {
            System.err.println(Files.readString(log));
        }
        return exit;
    }
}
