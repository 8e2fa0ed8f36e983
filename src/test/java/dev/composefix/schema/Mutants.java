package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded mutants of the corpus files: the same seed gives the same mutants. */
final class Mutants {

    /** One mutant: the corpus file it came from, what was done to it, and the result. */
    record Mutant(String origin, InstanceMutator.Kind firstKind, List<String> steps, JsonNode instance) {

        String describe() {
            return origin + ": " + String.join("; ", steps);
        }
    }

    private Mutants() {
    }

    /** {@code count} mutants of one to three mutations each (most have one, so one change decides). */
    static List<Mutant> of(long seed, int count) {
        List<CorpusInstances.Entry> corpus = CorpusInstances.readable().stream()
                .filter(e -> e.instance() instanceof ObjectNode).toList();
        Random random = new Random(seed);
        InstanceMutator mutator = new InstanceMutator(random, ComposeSchemas.oursJson(), ComposeSchemas.officialJson());
        List<Mutant> out = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            CorpusInstances.Entry entry = corpus.get(random.nextInt(corpus.size()));
            ObjectNode mutant = ((ObjectNode) entry.instance()).deepCopy();
            List<String> steps = new ArrayList<>();
            int mutations = random.nextInt(10) < 6 ? 1 : random.nextInt(10) < 6 ? 2 : 3;
            InstanceMutator.Kind first = null;
            for (int i = 0; i < mutations; i++) {
                InstanceMutator.Kind kind = mutator.randomKind();
                first = first == null ? kind : first;
                steps.add(mutator.apply(kind, mutant));
            }
            out.add(new Mutant(entry.name(), first, List.copyOf(steps), mutant));
        }
        return out;
    }
}
