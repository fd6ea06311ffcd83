package dk.dkrw.hub.bench;

import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.support.DevPki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two limits of the run (CPU work and durable writes) and the achieved/limit verdict. */
final class Limits {

    private final BenchOptions options;
    private final Report report;
    private LimitProbe.Result cpu;
    private DurableFloorProbe.Result durable;

    Limits(BenchOptions options, Report report) {
        this.options = options;
        this.report = report;
    }

    void measure(Path work) throws Exception {
        List<SyntheticDossiers.Attachment> pool = List.of(new SyntheticDossiers.Attachment("a".repeat(64), 20_000),
                new SyntheticDossiers.Attachment("b".repeat(64), 30_000));
        SyntheticDossiers generator = new SyntheticDossiers(11, pool);
        CmsSigner signer = DevPki.signer("dk-dis");
        List<byte[]> dossiers = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] dossier = generator.next(10_240);
            dossiers.add(dossier);
            signatures.add(signer.signBase64(dossier));
        }
        Duration each = Duration.ofSeconds(options.quick() ? 4 : 10);
        new Progress("limit: CPU work per dossier", 1).done(0);
        cpu = new LimitProbe(dossiers, signatures, pool).measure(each);
        new Progress("limit: durable writes", 1).done(0);
        durable = new DurableFloorProbe().measure(work.resolve("floor"), 16, each);
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("cpuSingleThreadPerSecond", cpu.singleThreadPerSecond());
        limit.put("cpuAllCoresPerSecond", cpu.allCoresPerSecond());
        limit.put("cpuMicrosPerDossier", cpu.microsPerDossier());
        limit.put("durableCommitsPerSecond", durable.commitsPerSecond());
        limit.put("durableMessagesPerSecond", durable.messagesPerSecond());
        limit.put("durableDossiersPerSecond", durable.dossiersPerSecond());
        limit.put("limitDossiersPerSecond", limit());
        report.put("limit", limit);
    }

    double limit() {
        return Math.min(cpu.allCoresPerSecond(), durable.dossiersPerSecond());
    }

    void judge(double achieved) {
        double ratio = achieved / limit();
        report.row("limit: CPU work (in-process, all cores)", String.format("%.0f dossiers/s (%.0f µs each)",
                cpu.allCoresPerSecond(), cpu.microsPerDossier()), "", "");
        report.row("limit: durable writes (H2 + Artemis, 16 writers)", String.format("%.0f dossiers/s",
                durable.dossiersPerSecond()), "", "");
        report.row("achieved / limit (best closed loop)", String.format("%.2f", ratio), "≥ 0.5",
                Report.verdict(ratio >= 0.5));
        report.put("achievedOverLimit", ratio);
    }
}
