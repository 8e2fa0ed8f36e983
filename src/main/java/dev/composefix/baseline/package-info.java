/** Baselines: the findings a team accepted, recorded once and left out of later reports. */
package dev.composefix.baseline;
