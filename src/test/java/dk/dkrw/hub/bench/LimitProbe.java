package dk.dkrw.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.Sha256;
import dk.dkrw.hub.signature.TrustAnchors;
import dk.dkrw.hub.transform.CaseContext;
import dk.dkrw.hub.transform.DossierToCaseMapper;
import dk.dkrw.hub.transform.Provenance;
import dk.dkrw.hub.transform.Pseudonymizer;
import dk.dkrw.hub.validation.DossierValidator;
import dk.dkrw.hub.validation.JsonSchemaCheck;
import dk.dkrw.hub.validation.StrictJsonReader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU limit, measured in-process with the hub's own classes and no HTTP, broker or database: per dossier
 * the work the hub must do at least (hash the body, parse it, verify the CMS signature with its chain, schema
 * and business rules, map to rw-case/1, validate the case, sign the receipt and the case).
 */
final class LimitProbe {

    /** Dossiers per second on one thread and on all cores. */
    record Result(double singleThreadPerSecond, double allCoresPerSecond, int threads, double microsPerDossier) {
    }

    private final StrictJsonReader reader = new StrictJsonReader();
    private final CmsVerifier verifier = new CmsVerifier(TrustAnchors.load(List.of(Path.of("certs-dev/ca.crt")),
            List.of(Path.of("certs-dev/ca.crl"))), Duration.ofMinutes(5), Clock.systemUTC());
    private final CmsSigner hub = CmsSigner.fromPem(Path.of("certs-dev/hub.crt"), Path.of("certs-dev/hub.key"));
    private final DossierValidator validator;
    private final JsonSchemaCheck caseSchema = JsonSchemaCheck.load("rw-case-1.schema.json");
    private final DossierToCaseMapper mapper = new DossierToCaseMapper(new Pseudonymizer(new byte[32]));
    private final ObjectMapper json = new ObjectMapper();
    private final List<byte[]> dossiers;
    private final List<String> signatures;

    LimitProbe(List<byte[]> dossiers, List<String> signatures, List<SyntheticDossiers.Attachment> pool) {
        this.dossiers = dossiers;
        this.signatures = signatures;
        this.validator = new DossierValidator(JsonSchemaCheck.load("dk-dossier-1.schema.json"),
                sha -> pool.stream().filter(a -> a.sha256().equals(sha)).findFirst()
                        .map(a -> OptionalLong.of(a.sizeBytes())).orElse(OptionalLong.empty()),
                Clock.systemUTC());
    }

    Result measure(Duration each) throws InterruptedException {
        run(1, Duration.ofSeconds(3));
        double single = run(1, each);
        int cores = Runtime.getRuntime().availableProcessors();
        double all = run(cores, each);
        return new Result(single, all, cores, 1e6 / single);
    }

    private double run(int threads, Duration duration) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(threads);
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    onePass(i++ % dossiers.size());
                    done.incrementAndGet();
                }
                finished.countDown();
            });
            worker.setDaemon(true);
            worker.start();
        }
        finished.await();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void onePass(int i) {
        byte[] body = dossiers.get(i);
        String sha = Sha256.hex(body);
        JsonNode dossier = reader.readObject(body);
        var signature = verifier.verify(body, signatures.get(i));
        if (!validator.validate(dossier, "US", null).valid()) {
            throw new IllegalStateException("invalid synthetic dossier");
        }
        byte[] receipt = ("{\"receiptId\":\"x\",\"sha256\":\"" + sha + "\"}").getBytes();
        hub.sign(receipt);
        ObjectNode rwCase = mapper.map(dossier, new CaseContext("0b6f3c7e-4a8d-4f62-9a51-3d2e8c1f7a90", 1,
                Instant.now(), new Provenance(sha, "dk-dis", signature.signerFingerprint(), signature.signingTime(),
                "r-1")));
        if (!caseSchema.check(rwCase).isEmpty()) {
            throw new IllegalStateException("mapped case invalid");
        }
        try {
            byte[] caseBytes = json.writeValueAsBytes(rwCase);
            hub.sign(caseBytes);
            Sha256.hex(caseBytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
