package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.engine.Severity;
import dev.composefix.kinds.ImageReference;
import dev.composefix.model.Field;
import dev.composefix.model.Service;
import dev.composefix.yaml.YScalar;
import java.util.Locale;

/**
 * CF622: an image pulled by {@code latest} or by no tag at all (which is {@code latest}); with the
 * option {@code production: true}, also an image pinned by tag without a digest (info). A service
 * that builds its image names the result with {@code image}, so it is not judged. A tag or name left to
 * a variable without a value is decided where the stack runs, so it is not judged either; a variable's
 * default ({@code app:${TAG:-latest}}) is.
 */
public final class ImageTagUnpinned extends ServiceRule {

    private static final String LATEST = "whatever was pushed last, different from one machine or day to the next, "
            + "and a major upgrade can arrive unannounced";

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        Field<String> image = s.image();
        if (s.has("build") || !(image.hasValue() || image.state() == Field.State.UNKNOWN)) {
            return;
        }
        String written = ((YScalar) image.node().resolve()).value().strip();
        String shown = image.hasValue() ? image.value().strip() : written;
        ImageReference ref = ImageReference.parse(shown);
        if (ref.isEmpty() || ref.digest() != null) {
            return;
        }
        if (!image.hasValue() && written.indexOf('$', Math.max(0, written.lastIndexOf('/'))) >= 0) {
            return; // the repository's name or its tag comes from a variable without a value
        }
        String viaDefault = written.indexOf('$') >= 0 && image.hasValue() ? " (through a variable)" : "";
        String repository = ref.tag() == null ? shown : shown.substring(0, shown.lastIndexOf(':'));
        if (ref.tag() == null || ref.tag().isEmpty()) {
            ctx.report(s, image.node(), "image '" + shown + "' has no tag" + viaDefault + ", so Docker pulls 'latest': "
                    + LATEST + "; pin a version (" + repository + ":<version>)");
        } else if (ref.tag().toLowerCase(Locale.ROOT).equals("latest")) {
            ctx.report(s, image.node(), "image '" + shown + "' uses the tag 'latest'" + viaDefault + ": " + LATEST
                    + "; pin a version (" + repository + ":<version>)");
        } else if (ctx.options().bool("production")) {
            ctx.report(s, image.node(), Severity.INFO, "image '" + shown + "' is pinned by tag only, and a tag can be "
                    + "moved to another image; in production (option production) pin the digest too (" + shown
                    + "@sha256:<digest>; docker buildx imagetools inspect " + shown + " shows it)");
        }
    }
}
