package org.independentstudy.agreement;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a written agreement says: what is rendered for reading and printing, and what each party signs
 * (its canonical JSON is fingerprinted, AGR-08). Built from the placement, the student record, the policy in
 * force and the drafter's {@link AgreementDraft}.
 *
 * @param student                    AGR-02 general student data, from the student record
 * @param kind                       master agreement or supplement (AGR-12)
 * @param masterAgreementId          the master agreement a supplement references (AGR-12), else null
 * @param policy                     AGR-03 (4) / AGR-04 (1, 10): the board-policy statement of the policy in force
 * @param supportsPrompts            AGR-03 (7): needs the student record flags, for the drafter to address
 * @param optionalStatement          AGR-03 (8) / AGR-04 (7)
 * @param classroomAlternativeStatement AGR-03 (9) / ENR-05, null unless the placement is such a referral
 * @param section504PlanReference    ENR-04, null when the student has no 504 plan
 * @param courses                    course-based only (AGR-04 (2, 4)): each course with its teacher, credits,
 *                                   duration and learning objectives
 */
public record AgreementContent(StudentParticulars student, WrittenAgreement.Kind kind, Long masterAgreementId,
                               String program, boolean longTerm, LocalDate startDate, LocalDate endDate,
                               String submissionAndReporting, String studyObjectivesAndMethods,
                               String evaluationMethods, String progressMeasurement, String resourcesProvided,
                               PolicyStatement policy, String creditsOrAccomplishments, String supports,
                               List<String> supportsPrompts, String optionalStatement,
                               String classroomAlternativeStatement, String section504PlanReference,
                               String supervisingTeacher, List<Course> courses) {

    /** AGR-02. */
    public record StudentParticulars(Long studentId, String studentNumber, String name, String address,
                                     String grade, LocalDate birthDate, String school, String programPlacement) {
    }

    /**
     * AGR-03 (4) / AGR-04 (10): the statement of the board's policy in force.
     *
     * @param courseBasedSummary AGR-04 (1): the summary of the district's policies and procedures for course-based
     *                           independent study (EC 51749); in course-based learning agreements only
     */
    public record PolicyStatement(String policyCode, String policyTitle, int maxAssignmentCalendarDays,
                                  String satisfactoryProgress, int missedAssignmentsForEvaluation,
                                  String courseBasedSummary) {
    }

    /**
     * A course of a course-based learning agreement: AGR-04 (2) its duration and credits, AGR-04 (4) its
     * learning objectives and expectations.
     */
    public record Course(String name, String subject, String teacher, String credits, LocalDate startDate,
                         LocalDate endDate, String learningObjectives) {
    }

    public boolean courseBased() {
        return "COURSE_BASED".equals(program);
    }
}
