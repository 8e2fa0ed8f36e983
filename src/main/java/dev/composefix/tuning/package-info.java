/**
 * Telling the process inside a container about the container's memory: PGTune's formulas for
 * PostgreSQL, Redis's maxmemory, and the server arguments (a command list or string, or an
 * image's environment variable) that carry them, read and edited in place.
 */
package dev.composefix.tuning;
