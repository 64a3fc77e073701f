package org.independentstudy.agreement;

import java.time.LocalDate;
import java.util.List;

/**
 * What the drafter fills in (Tasklist form or REST); the rest of the agreement comes from the records.
 * Blank fields are allowed here: validation lists every missing element at once (AGR-03, AGR-04).
 */
public record AgreementDraft(LocalDate startDate, LocalDate endDate, String submissionAndReporting,
                             String studyObjectivesAndMethods, String evaluationMethods,
                             String progressMeasurement, String resourcesProvided,
                             String creditsOrAccomplishments, String supports, String supervisingTeacher,
                             List<AgreementContent.Course> courses) {

    public AgreementDraft {
        courses = courses == null ? List.of() : List.copyOf(courses);
    }
}
