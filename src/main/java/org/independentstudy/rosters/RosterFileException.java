package org.independentstudy.rosters;

import java.util.List;

/**
 * A roster package that cannot be imported (issue 12.6): every problem names its file and, where it has one, the
 * line and column, so the administrator can correct the export. Nothing of the package is saved (HTTP 400).
 */
public class RosterFileException extends RuntimeException {

    /** One problem of the package; {@code line} and {@code column} are null for a problem of the file as a whole. */
    public record Problem(String file, Integer line, String column, String problem) {

        public String describe() {
            return file + (line == null ? "" : ", line " + line) + (column == null ? "" : ", " + column) + ": "
                    + problem;
        }
    }

    private final transient List<Problem> problems;

    /** {@code total} counts the problems found, those beyond the ones listed too. */
    RosterFileException(List<Problem> problems, int total) {
        super(problems.get(0).describe() + (total == 1 ? "" : " (and " + (total - 1) + " more problems)")
                + ". Nothing of the roster was imported.");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
