package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On every compose file of the shared corpus, our schema accepts or rejects exactly as the official
 * schema does (compose-go's {@code schema/compose-spec.json}, the one docker compose validates with),
 * both run by the same validator on the same instance: the file after interpolation with the
 * variables of the {@code .env} beside it (see {@link CorpusInstances}).
 */
class CorpusAgreementTest {

    /**
     * Files on which the two schemas are meant to disagree, with the reason. None: wherever the
     * published schema is looser than the specification's prose, ours follows the published schema,
     * because a linter that rejects what docker compose accepts reports errors that are not there.
     * Those places carry a {@code $comment} in schemas/compose.schema.json.
     */
    static final Map<String, String> INTENDED_DIFFERENCES = Map.of();

    @Test
    void everyCorpusFileGetsTheOfficialVerdict() {
        List<CorpusInstances.Entry> entries = CorpusInstances.all();
        assertTrue(entries.size() >= 300, "the corpus should hold about 300 compose files, found " + entries.size());
        List<String> disagreements = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int accepted = 0;
        List<String> rejected = new ArrayList<>();
        for (CorpusInstances.Entry e : entries) {
            if (e.instance() == null) {
                unreadable.add(e.name() + ": " + e.unreadable());
                continue;
            }
            List<Error> official = ComposeSchemas.errors(ComposeSchemas.official(), e.instance());
            List<Error> ours = ComposeSchemas.errors(ComposeSchemas.ours(), e.instance());
            boolean agree = official.isEmpty() == ours.isEmpty();
            if (agree == INTENDED_DIFFERENCES.containsKey(e.name())) {
                disagreements.add(e.name() + (agree ? " agrees although listed as an intended difference"
                        : ": official " + verdict(official) + ", ours " + verdict(ours))
                        + "\n    official:" + ComposeSchemas.describe(official)
                        + "\n    ours:" + ComposeSchemas.describe(ours));
            }
            if (official.isEmpty()) {
                accepted++;
            } else {
                Error first = official.get(0);
                rejected.add(e.name() + " (" + first.getKeyword() + " at " + first.getInstanceLocation() + ")");
            }
        }
        long withEnv = entries.stream().filter(CorpusInstances.Entry::withEnvFile).count();
        System.out.println("schema agreement on the corpus: " + entries.size() + " files (" + withEnv
                + " interpolated with a .env beside them), " + unreadable.size()
                + " not YAML a schema can check, " + accepted + " accepted and " + rejected.size()
                + " rejected by the official schema, " + disagreements.size() + " disagreements; rejected: "
                + String.join(", ", rejected));
        assertTrue(disagreements.isEmpty(),
                () -> disagreements.size() + " disagreements:\n" + String.join("\n", disagreements));
    }

    @Test
    void theEnvFileBesideAFlattenedComposeFile() {
        assertEquals(Path.of("c/.env"), CorpusInstances.envFileBeside(Path.of("c/docker-compose.yml")));
        assertEquals(Path.of("c/wireguard__.env"), CorpusInstances.envFileBeside(Path.of("c/wireguard__compose.yaml")));
        assertEquals(Path.of("c/a__b__.env"), CorpusInstances.envFileBeside(Path.of("c/a__b__docker-compose.yml")));
    }

    private static String verdict(List<Error> errors) {
        return errors.isEmpty() ? "accepts" : "rejects";
    }
}
