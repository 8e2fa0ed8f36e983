package dev.composefix.script;

import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a file of a {@link ScriptKind} into the commands it runs. */
public final class ScriptLoader {

    /** Files larger than this are not read (generated bundles, minified code). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private ScriptLoader() {
    }

    /**
     * Reads {@code bytes} (UTF-8, with or without a byte order mark) as {@code kind}; {@code display} names the
     * file in positions and messages.
     *
     * @throws ScriptException when a YAML or JSON file does not parse, or the file is not UTF-8 text
     */
    public static ScriptFile load(String display, ScriptKind kind, byte[] bytes) throws ScriptException {
        if (bytes.length > MAX_BYTES) {
            throw new ScriptException("file is " + bytes.length + " bytes, over the limit of " + MAX_BYTES
                    + " bytes for scripts", new Position(1, 1, 0, display));
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            throw new ScriptException("not UTF-8 text", new Position(1, 1, 0, display));
        }
        return load(display, kind, text, bom);
    }

    /** Reads already decoded text (without a byte order mark). */
    public static ScriptFile load(String display, ScriptKind kind, String text, boolean bom) throws ScriptException {
        List<ShellSnippet> snippets = new ArrayList<>();
        List<ArgvSnippet> argvs = new ArrayList<>();
        switch (kind) {
            case SHELL -> snippets.add(ShellSnippet.verbatim(text, 0));
            case MAKEFILE -> snippets.addAll(MakefileSource.read(text));
            case GITHUB_ACTIONS -> CiYamlSource.github(yaml(display, text), snippets);
            case GITLAB_CI -> CiYamlSource.gitlab(yaml(display, text), snippets);
            case PACKAGE_JSON -> PackageJsonSource.read(text, snippets);
            case PYTHON -> CallScanner.scan(text, CodeLexer.Language.PYTHON, snippets, argvs);
            case JAVASCRIPT -> CallScanner.scan(text, CodeLexer.Language.JAVASCRIPT, snippets, argvs);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return new ScriptFile(display, kind, text, bom, new LineMap(text, display), snippets, argvs);
    }

    private static YamlDocument yaml(String display, String text) throws ScriptException {
        try {
            return new YamlLoader().load(display, text);
        } catch (YamlException e) {
            throw new ScriptException(e.getMessage(), e.position());
        }
    }
}
