package org.independentstudy.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** What a drafter submits in the drafting form (forms/draft-agreement.form): complete unless a test takes a field away. */
public final class DraftFormVariables {

    private DraftFormVariables() {
    }

    /** A traditional agreement's form; add {@code courses} and {@code progressMeasurement} for course-based. */
    public static Map<String, Object> complete(LocalDate start, LocalDate end, String supervisingTeacher) {
        Map<String, Object> form = new HashMap<>();
        form.put("startDate", start.toString());
        form.put("endDate", end.toString());
        form.put("supervisingTeacher", supervisingTeacher);
        form.put("submissionAndReporting", "Weekly on Mondays at the school office; progress every two weeks");
        form.put("studyObjectivesAndMethods", "Grade-level standards through the online curriculum");
        form.put("evaluationMethods", "Work products reviewed weekly; unit tests");
        form.put("resourcesProvided", "Chromebook and hotspot on loan");
        form.put("creditsOrAccomplishments", "5 credits per course");
        form.put("supports", "Weekly counselor check-in");
        return form;
    }
}
