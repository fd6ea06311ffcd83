package dk.dkrw.hub.transform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dk.dkrw.hub.transform.TransformFixtures.CASE_A;
import static dk.dkrw.hub.transform.TransformFixtures.CASE_B;
import static dk.dkrw.hub.transform.TransformFixtures.KEY;
import static dk.dkrw.hub.transform.TransformFixtures.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymizerTest {

    private static final String PERSON = "5f1d2c3b-6e7a-4b8c-9d0e-1f2a3b4c5d6e";

    private final Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

    @Test
    void rejectsKeyShorterThan32Bytes() {
        assertThatThrownBy(() -> new Pseudonymizer(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pseudonymizer(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsKeyOfExactly32Bytes() {
        assertThat(new Pseudonymizer(new byte[32]).dkPseudonym("26-118842")).hasSize(64);
    }

    @Test
    void dkPseudonymIsLowerCaseHexHmacSha256OfUdlNr() {
        assertThat(pseudonymizer.dkPseudonym("26-118842"))
                .isEqualTo(hmacHex("26-118842"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void dkPseudonymDependsOnTheKey() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(new Pseudonymizer(otherKey).dkPseudonym("26-118842"))
                .isNotEqualTo(pseudonymizer.dkPseudonym("26-118842"));
    }

    @Test
    void personRefIsPrefixPlusFirst16HexOfHmacOverCaseAndPerson() {
        assertThat(pseudonymizer.personRef(CASE_A, PERSON))
                .isEqualTo("P-" + hmacHex("person|" + CASE_A + "|" + PERSON).substring(0, 16))
                .matches("P-[0-9a-f]{16}");
    }

    @Test
    void personRefIsStableForOneCaseAndPersonAcrossInstances() {
        assertThat(new Pseudonymizer(KEY).personRef(CASE_A, PERSON)).isEqualTo(pseudonymizer.personRef(CASE_A, PERSON));
    }

    @Test
    void personRefDiffersBetweenCasesForTheSamePerson() {
        assertThat(pseudonymizer.personRef(CASE_A, PERSON)).isNotEqualTo(pseudonymizer.personRef(CASE_B, PERSON));
    }

    @Test
    void personRefDiffersBetweenPersonsOfOneCase() {
        assertThat(pseudonymizer.personRef(CASE_A, PERSON))
                .isNotEqualTo(pseudonymizer.personRef(CASE_A, "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d"));
    }

    @Test
    void personRefIgnoresLetterCaseOfUuids() {
        assertThat(pseudonymizer.personRef(CASE_A.toUpperCase(), PERSON.toUpperCase()))
                .isEqualTo(pseudonymizer.personRef(CASE_A, PERSON));
    }

    @Test
    void rejectsCaseIdContainingTheSeparator() {
        assertThatThrownBy(() -> pseudonymizer.personRef("a|b", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesTheSameResultsFromManyThreads() throws Exception {
        List<String> udlNrs = IntStream.range(0, 2_000).mapToObj(i -> "26-" + i).toList();
        List<String> expected = udlNrs.stream().map(TransformFixtures::hmacHex).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = IntStream.range(0, 8)
                    .mapToObj(t -> pool.submit(() -> udlNrs.stream().map(pseudonymizer::dkPseudonym).toList()))
                    .toList();
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void personRefsOfManyPersonsInOneCaseDoNotCollide() {
        Set<String> refs = IntStream.range(0, 10_000)
                .mapToObj(i -> pseudonymizer.personRef(CASE_A, "person-" + i))
                .collect(Collectors.toSet());
        assertThat(refs).hasSize(10_000);
    }

    @Test
    void toStringRevealsNoKeyMaterial() {
        assertThat(pseudonymizer.toString()).doesNotContain("0123456789abcdef");
    }
}
