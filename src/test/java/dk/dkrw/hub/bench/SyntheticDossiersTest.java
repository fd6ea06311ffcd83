package dk.dkrw.hub.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's synthetic dossiers pass the hub's own validation at every size the benchmark uses. */
class SyntheticDossiersTest {

    private static final List<SyntheticDossiers.Attachment> POOL = List.of(
            new SyntheticDossiers.Attachment("a".repeat(64), 4096),
            new SyntheticDossiers.Attachment("b".repeat(64), 8192),
            new SyntheticDossiers.Attachment("c".repeat(64), 2048));

    @ParameterizedTest
    @ValueSource(ints = {2_048, 10_240, 102_400})
    void generatedDossiersAreValidAndOfTheRequestedSize(int target) {
        SyntheticDossiers generator = new SyntheticDossiers(42, POOL);
        for (int i = 0; i < 20; i++) {
            byte[] dossier = generator.next(target);
            SyntheticDossiersCheck.requireValid(dossier, POOL);
            assertThat(dossier.length).isBetween((int) (target * 0.85), (int) (target * 1.15) + 2_000);
        }
    }
}
