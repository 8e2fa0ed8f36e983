package dev.composefix.schedule;

/**
 * Places the checks that may move one by one, in the round's order: a check keeps its interval when it
 * lies in its band and collides with nothing placed so far; otherwise it takes the allowed band value
 * with the fewest collisions, then the fewest meetings, then the closest to its interval.
 */
final class Greedy {

    private final Round round;

    Greedy(Round round) {
        this.round = round;
    }

    int[] run() {
        Problem problem = round.problem;
        int[] assignment = round.start.clone();
        Load load = round.staying.copy();
        for (int i : round.order) {
            int s = round.start[i];
            int chosen = s;
            if (!problem.inBand(i, s) || load.pairs(s) > 0) {
                long bestPairs = Long.MAX_VALUE;
                long bestMeetings = Long.MAX_VALUE;
                long bestDistance = Long.MAX_VALUE;
                for (int d = problem.from[i]; d < problem.to[i]; d++) {
                    if (!round.allowed[d]) {
                        continue;
                    }
                    long distance = round.distance(i, d);
                    if (Round.smaller(load.pairs(d), load.meetings(d), distance, bestPairs, bestMeetings,
                            bestDistance)) {
                        chosen = d;
                        bestPairs = load.pairs(d);
                        bestMeetings = load.meetings(d);
                        bestDistance = distance;
                    }
                }
            }
            assignment[i] = chosen;
            load.add(chosen, 1);
        }
        return assignment;
    }
}
