package dev.composefix.schedule;

import java.util.Arrays;

/**
 * Local search: each check that may move goes, in turn, to the allowed band value that strictly lowers
 * its own (collisions, meetings), preferring the value closest to where it started the round; passes
 * repeat until no check moves. Every move lowers the total cost, so this ends, and the result is a
 * point where no single check can do better.
 *
 * <p>Checks with the same value and band either all have a better place or none has, so checks are
 * kept in classes of (value, band): a pass visits the classes, moving members in turn until one finds
 * no better place, and costs the number of classes plus the moves, not the number of checks.
 */
final class BestResponse {

    private final Round round;
    private final Problem problem;

    BestResponse(Round round) {
        this.round = round;
        this.problem = round.problem;
    }

    int[] run(int[] assignment) {
        Load load = problem.load(assignment);
        int classes = problem.interactions.candidates().size() * problem.bands;
        int[][] members = new int[classes][];
        int[] count = new int[classes];
        for (int i : round.order) {
            add(members, count, classOf(assignment[i], i), i);
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int c = 0; c < classes; c++) {
                int k = 0;
                while (k < count[c]) {
                    int i = members[c][k];
                    int current = assignment[i];
                    int target = target(i, current, load);
                    if (target == current) {
                        break;
                    }
                    load.move(current, target);
                    assignment[i] = target;
                    add(members, count, classOf(target, i), i);
                    k++;
                    moved = true;
                }
                if (k > 0) {
                    System.arraycopy(members[c], k, members[c], 0, count[c] - k);
                    count[c] -= k;
                }
            }
        }
        return assignment;
    }

    private int classOf(int position, int check) {
        return position * problem.bands + problem.band[check];
    }

    private static void add(int[][] members, int[] count, int c, int check) {
        if (members[c] == null) {
            members[c] = new int[4];
        } else if (count[c] == members[c].length) {
            members[c] = Arrays.copyOf(members[c], count[c] * 2);
        }
        members[c][count[c]++] = check;
    }

    private int target(int i, int current, Load load) {
        int[] self = problem.interactions.row(current);
        long stayPairs = load.pairs(current) - Interactions.collides(self[current]);
        long stayMeetings = load.meetings(current) - Interactions.meetings(self[current]);
        int target = current;
        long bestPairs = stayPairs;
        long bestMeetings = stayMeetings;
        long bestDistance = -1;
        for (int d = problem.from[i]; d < problem.to[i]; d++) {
            if (d == current || !round.allowed[d]) {
                continue;
            }
            long pairs = load.pairs(d) - Interactions.collides(self[d]);
            long meetings = load.meetings(d) - Interactions.meetings(self[d]);
            if (pairs > stayPairs || (pairs == stayPairs && meetings >= stayMeetings)) {
                continue; // a move must be strictly better than staying
            }
            long distance = round.distance(i, d);
            if (target == current
                    || Round.smaller(pairs, meetings, distance, bestPairs, bestMeetings, bestDistance)) {
                target = d;
                bestPairs = pairs;
                bestMeetings = meetings;
                bestDistance = distance;
            }
        }
        return target;
    }
}
