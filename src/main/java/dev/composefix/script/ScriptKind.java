package dev.composefix.script;

/** The kinds of files whose commands composefix reads. */
public enum ScriptKind {
    SHELL("shell script"),
    MAKEFILE("Makefile"),
    GITHUB_ACTIONS("GitHub Actions workflow"),
    GITLAB_CI("GitLab CI file"),
    PACKAGE_JSON("package.json"),
    PYTHON("Python"),
    JAVASCRIPT("JavaScript/TypeScript");

    private final String description;

    ScriptKind(String description) {
        this.description = description;
    }

    /** How messages name the kind. */
    public String description() {
        return description;
    }
}
