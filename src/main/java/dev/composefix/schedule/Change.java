package dev.composefix.schedule;

/** One planned change: the check with this id moves from one interval to another, in whole seconds. */
public record Change(String id, long fromSeconds, long toSeconds) {
}
