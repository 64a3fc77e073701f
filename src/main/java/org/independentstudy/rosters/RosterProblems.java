package org.independentstudy.rosters;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in a roster package, gathered so that the administrator sees all of them at once (up to
 * {@value #MOST}), then refused together.
 */
final class RosterProblems {

    static final int MOST = 100;

    private final List<RosterFileException.Problem> problems = new ArrayList<>();
    private int total;

    void add(String file, Integer line, String column, String problem) {
        total++;
        if (problems.size() < MOST) {
            problems.add(new RosterFileException.Problem(file, line, column, problem));
        }
    }

    void add(RosterCsv.Row row, String column, String problem) {
        add(row.file(), row.line(), column, problem);
    }

    /** How many problems were found, the ones beyond {@value #MOST} too. */
    int total() {
        return total;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new RosterFileException(problems, total);
        }
    }

    /** A problem that stops the reading at once (the package itself is unreadable). */
    static RosterFileException fatal(String file, String problem) {
        return new RosterFileException(List.of(new RosterFileException.Problem(file, null, null, problem)), 1);
    }
}
