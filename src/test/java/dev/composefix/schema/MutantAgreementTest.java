package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: on mutants of the corpus files (see {@link InstanceMutator}), our schema and the official
 * one give the same verdict. Each seed makes {@value #MUTANTS_PER_SEED} mutants; a failure names its
 * seed, replayed with {@code -Dcomposefix.seed=N}. The agreement rate, overall and per kind of
 * mutation, and the share of mutants the official schema rejects are printed at the end.
 */
class MutantAgreementTest {

    static final int MUTANTS_PER_SEED = 25;

    /**
     * Mutants (by {@link Mutants.Mutant#describe()}) on which the schemas are meant to disagree, with
     * the reason: none, as for the corpus (see {@link CorpusAgreementTest#INTENDED_DIFFERENCES}).
     */
    static final Map<String, String> INTENDED_DIFFERENCES = Map.of();

    /** Per kind of first mutation: mutants, agreements, rejections by the official schema. */
    private static final Map<InstanceMutator.Kind, int[]> COUNTS = new EnumMap<>(InstanceMutator.Kind.class);

    static Stream<Long> seeds() {
        SharedData.corpus(); // skips (or fails under CI) once, not once per seed, without the shared data
        return Seeds.of(20260805L, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutantsGetTheOfficialVerdict(long seed) {
        List<String> disagreements = new ArrayList<>();
        for (Mutants.Mutant m : Mutants.of(seed, MUTANTS_PER_SEED)) {
            List<Error> official = ComposeSchemas.errors(ComposeSchemas.official(), m.instance());
            List<Error> ours = ComposeSchemas.errors(ComposeSchemas.ours(), m.instance());
            boolean agree = official.isEmpty() == ours.isEmpty();
            count(m.firstKind(), agree, !official.isEmpty());
            if (agree == INTENDED_DIFFERENCES.containsKey(m.describe())) {
                disagreements.add(m.describe() + "\n  official" + ComposeSchemas.describe(official) + "\n  ours"
                        + ComposeSchemas.describe(ours));
            }
        }
        assertTrue(disagreements.isEmpty(), () -> Seeds.replay(seed) + "\n" + String.join("\n", disagreements));
    }

    private static synchronized void count(InstanceMutator.Kind kind, boolean agree, boolean rejected) {
        int[] c = COUNTS.computeIfAbsent(kind, k -> new int[3]);
        c[0]++;
        c[1] += agree ? 1 : 0;
        c[2] += rejected ? 1 : 0;
    }

    @AfterAll
    static synchronized void report() {
        int[] total = new int[3];
        StringBuilder kinds = new StringBuilder();
        COUNTS.forEach((k, c) -> {
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
            kinds.append(String.format(Locale.ROOT, "%n  %-24s %5d mutants, %5d agree, %3d%% rejected",
                    k.name().toLowerCase(Locale.ROOT), c[0], c[1], 100 * c[2] / c[0]));
        });
        if (total[0] > 0) {
            System.out.printf(Locale.ROOT, "schema agreement on mutants: %d of %d (%.2f%%); the official schema "
                    + "rejects %d%% of them; by first mutation:%s%n", total[1], total[0], 100.0 * total[1] / total[0],
                    100 * total[2] / total[0], kinds);
        }
    }
}
