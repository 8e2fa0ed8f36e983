package dev.composefix.report;

import java.util.Map;

/**
 * The URL markdown reports link lines under: {@code --link-base} when given, else, inside a GitHub
 * Actions run, the commit being checked ({@code $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA}),
 * else none.
 */
public final class LinkBase {

    private LinkBase() {
    }

    public static String resolve(String flag, Map<String, String> env) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        String server = env.get("GITHUB_SERVER_URL");
        String repository = env.get("GITHUB_REPOSITORY");
        String sha = env.get("GITHUB_SHA");
        if ("true".equals(env.get("GITHUB_ACTIONS")) && present(server) && present(repository) && present(sha)) {
            return server.replaceAll("/+$", "") + "/" + repository + "/blob/" + sha;
        }
        return null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
