package org.independentstudy.participation;

/** What one recording call did: days new, days corrected (each on the case timeline, REC-07), days unchanged. */
public record RecordedDays(int created, int corrected, int unchanged) {
}
