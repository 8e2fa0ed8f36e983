package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Dependency;
import dev.composefix.model.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CF602: services whose {@code depends_on} entries form a cycle. Strongly connected components are
 * found with an iterative Tarjan walk (linear in services and dependencies, no recursion); each
 * component is reported once, at its first service in the file, with one shortest cycle through it.
 */
public final class DependsOnCycle implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        List<Service> services = file.services();
        int n = services.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(services.get(i).name(), i);
        }
        List<List<Dependency>> deps = new ArrayList<>(n);
        int[][] edges = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Dependency> known = new ArrayList<>();
            for (Dependency d : services.get(i).dependsOn()) {
                if (index.containsKey(d.service())) {
                    known.add(d);
                }
            }
            deps.add(known);
            edges[i] = new int[known.size()];
            for (int k = 0; k < known.size(); k++) {
                edges[i][k] = index.get(known.get(k).service());
            }
        }
        int[] component = components(edges);
        boolean[] reported = new boolean[n];
        for (int v = 0; v < n; v++) {
            int c = component[v];
            if (reported[c]) {
                continue;
            }
            int[] cycle = shortestCycle(v, edges, component);
            if (cycle == null) {
                continue;
            }
            reported[c] = true;
            Service first = services.get(v);
            Dependency at = deps.get(v).get(cycle[cycle.length - 1]);
            StringBuilder path = new StringBuilder(first.name());
            int u = v;
            for (int k = cycle.length - 1; k >= 0; k--) {
                u = edges[u][cycle[k]];
                path.append(" -> ").append(services.get(u).name());
            }
            ctx.report(first, at.node(), "depends_on cycle " + path + ": Compose cannot order these services and "
                    + "refuses to start them (dependency cycle detected); remove one of these dependencies, and let "
                    + "that service retry its connection at startup instead");
        }
    }

    /** The strongly connected component of every vertex (Tarjan's algorithm, iteratively). */
    static int[] components(int[][] edges) {
        int n = edges.length;
        int[] order = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        int[] next = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(order, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] calls = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int cp = 0;
            calls[cp++] = root;
            order[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (cp > 0) {
                int v = calls[cp - 1];
                if (next[v] < edges[v].length) {
                    int w = edges[v][next[v]++];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        calls[cp++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                cp--;
                if (low[v] == order[v]) {
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
                if (cp > 0) {
                    int parent = calls[cp - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return component;
    }

    /**
     * A shortest cycle from {@code start} back to itself within its component, as the edge indexes
     * taken at each step in reverse order (last step first); null when there is none.
     */
    private static int[] shortestCycle(int start, int[][] edges, int[] component) {
        Map<Integer, int[]> parent = new HashMap<>(); // vertex -> {previous vertex, edge index}
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int k = 0; k < edges[v].length; k++) {
                int w = edges[v][k];
                if (component[w] != component[start]) {
                    continue;
                }
                if (w == start) {
                    List<Integer> steps = new ArrayList<>();
                    steps.add(k);
                    for (int u = v; u != start; u = parent.get(u)[0]) {
                        steps.add(parent.get(u)[1]);
                    }
                    int[] out = new int[steps.size()]; // a loop, not a stream a start would have to link
                    for (int i = 0; i < out.length; i++) {
                        out[i] = steps.get(i);
                    }
                    return out;
                }
                if (!parent.containsKey(w)) {
                    parent.put(w, new int[] {v, k});
                    queue.add(w);
                }
            }
        }
        return null;
    }
}
