package dk.dkrw.hub.devpki;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

/** Writes certificates, CRLs and unencrypted PKCS#8 private keys as PEM files into one folder. */
final class PemOutput {

    private final Path folder;

    PemOutput(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    Path folder() {
        return folder;
    }

    void certificate(String fileName, X509Certificate certificate) throws IOException {
        write(fileName, certificate);
    }

    void crl(String fileName, X509CRL crl) throws IOException {
        write(fileName, crl);
    }

    /** "BEGIN PRIVATE KEY" (PKCS#8, unencrypted), which both openssl and Java read without conversion. */
    void privateKey(String fileName, PrivateKey key) throws IOException {
        write(fileName, new JcaPKCS8Generator(key, null));
    }

    void text(String fileName, String content) throws IOException {
        Files.writeString(folder.resolve(fileName), content, StandardCharsets.UTF_8);
    }

    private void write(String fileName, Object pemObject) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(fileName), StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(pemObject);
        }
    }
}
