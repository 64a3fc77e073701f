package org.independentstudy.participation;

import org.independentstudy.people.Grade;

/**
 * ATT-02: the grade-span requirements. Kept as the decision table {@code processes/grade-span-requirements.dmn},
 * which analysts edit and deploy without a rebuild; the engine evaluates its newest version.
 */
public interface GradeSpanRequirements {

    RequiredSchedule of(Grade grade, boolean longTerm, boolean medicalExemption);

    /** The table's grade level: TK -1, K 0, then 1 to 12. */
    static int gradeLevel(Grade grade) {
        return grade.ordinal() - 1;
    }
}
