package org.independentstudy.enrollment;

import java.util.Optional;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.policy.DistrictPolicies;
import org.independentstudy.policy.DistrictPolicy;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The eligibility decisions of a case, one per rule: each applies {@link EligibilityRules} to the case's facts
 * and puts the decision on the timeline. A refusal is returned, not recorded: the case process ends the case.
 */
@Service
@Transactional
public class EligibilityChecks {

    private final Enrollments enrollments;
    private final StudentRepository students;
    private final SchoolCalendar calendar;
    private final DistrictPolicies policies;
    private final CaseRecord caseRecord;

    EligibilityChecks(Enrollments enrollments, StudentRepository students, SchoolCalendar calendar,
                      DistrictPolicies policies, CaseRecord caseRecord) {
        this.enrollments = enrollments;
        this.students = students;
        this.calendar = calendar;
        this.policies = policies;
        this.caseRecord = caseRecord;
    }

    public Optional<Refusal> minimumLength(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        DistrictPolicy policy = policies.inForceOn(enrollment.getRequestedStart());
        Optional<Refusal> refusal = EligibilityRules.minimumLength(policy, enrollment.getProjectedSchoolDays());
        if (refusal.isEmpty()) {
            passed(caseId, "ENR-07", "minimumLengthChecked", enrollment.getProjectedSchoolDays()
                    + " school days meet the minimum of " + policy.getMinimumPlacementDays(), policy.getCode());
        }
        return refusal;
    }

    public Optional<Refusal> suspensionReferral(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        Optional<Refusal> refusal = EligibilityRules.suspensionReferral(enrollment.getSuspensionReferral(),
                enrollment.isClassroomAlternativeOffered());
        if (refusal.isEmpty() && enrollment.getSuspensionReferral() != FamilyRequest.SuspensionReferral.NONE) {
            passed(caseId, "ENR-05", "classroomAlternativeOfferRecorded", "Referred under "
                    + EligibilityRules.label(enrollment.getSuspensionReferral()) + "; classroom instruction was "
                    + "offered as an alternative, and the agreement carries that statement", null);
        }
        return refusal;
    }

    // ENR-04: the student participates in accordance with the 504 plan; its reference goes to the agreement
    public void section504Plan(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        if (studentOf(enrollment).hasSection504Plan()) {
            passed(caseId, "ENR-04", "section504PlanRecorded", "Participates in accordance with Section 504 plan "
                    + enrollment.getSection504PlanReference() + "; its supports appear in the agreement", null);
        }
    }

    public Optional<Refusal> semesterLock(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        return EligibilityRules.semesterLock(calendar, enrollment.getProgram(), enrollment.getRequestedStart(),
                enrollments.earlierOfStudent(enrollment));
    }

    public Optional<Refusal> homeHospital(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        return EligibilityRules.homeHospital(studentOf(enrollment), enrollment.getProgram());
    }

    /** ENR-03, ENR-09: the special-education coordinator's record of the IEP team's determination. */
    public Optional<Refusal> iepDetermination(Long caseId, boolean teamApproves, boolean providesCourseBased,
                                              String note) {
        Enrollment enrollment = enrollments.of(caseId);
        enrollment.recordIepDetermination(teamApproves, providesCourseBased);
        caseRecord.append(caseId, CaseEvent.underRule("ENR-03", "iepTeamDetermination", "IEP team "
                + (teamApproves ? "recommends" : "does not recommend") + " independent study"
                + (enrollment.getProgram() == Placement.Program.COURSE_BASED ? "; the IEP "
                + (providesCourseBased ? "provides" : "does not provide") + " specifically for course-based" : "")
                + TimelineWording.optional(". ", note)));
        return EligibilityRules.iepDetermination(enrollment.getProgram(), teamApproves, providesCourseBased);
    }

    public boolean medicalExemption(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        boolean exempt = EligibilityRules.medicalExemption(enrollment.isMedicalTreatment(),
                enrollment.getMedicalEvidence());
        enrollment.decideMedicalExemption(exempt);
        if (enrollment.isMedicalTreatment()) {
            passed(caseId, "ENR-11", "medicalExemptionDecided", exempt
                    ? "Exempt from live interaction and synchronous instruction, re-engagement and the transition "
                    + "deadline: evidence on file: " + enrollment.getMedicalEvidence()
                    : "Not exempt: no evidence from a licensed professional on file", null);
        }
        return exempt;
    }

    private Student studentOf(Enrollment enrollment) {
        return students.findById(enrollment.getStudentId()).orElseThrow();
    }

    private void passed(Long caseId, String ruleId, String step, String description, String policyCode) {
        caseRecord.append(caseId, CaseEvent.underRule(ruleId, step, description).withPolicy(policyCode));
    }
}
