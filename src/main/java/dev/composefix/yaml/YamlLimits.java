package dev.composefix.yaml;

/**
 * Bounds that keep hostile input from exhausting the process, set well above what real compose
 * files need: file size in bytes, nesting depth of collections, and the number of nodes the document
 * stands for once every alias is expanded.
 */
public record YamlLimits(int maxBytes, int maxDepth, long maxExpandedNodes) {

    public static final YamlLimits DEFAULT = new YamlLimits(10 * 1024 * 1024, 256, 5_000_000L);
}
