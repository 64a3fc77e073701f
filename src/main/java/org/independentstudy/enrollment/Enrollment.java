package org.independentstudy.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.FamilyRequest.ReceivedVia;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;

/**
 * One case's pre-enrollment: the family's request as received and the decisions taken on it. Each decision is
 * written once (REC-07); who and when are on the case timeline.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    /** WITHDRAWN: the family withdrew its request before the placement became active (ENR-02, TRN-02). */
    public enum EndReason { COMPLETED, DISENROLLED, RETURNED_TO_IN_PERSON, WITHDRAWN }

    @Id
    private Long caseId;
    private Long studentId;
    private boolean requestedByStudent;
    private Long requesterGuardianId;
    private String requesterName;
    @Enumerated(EnumType.STRING)
    private ReceivedVia receivedVia;
    private LocalDate receivedOn;
    private String receivedBy;
    private String reason;
    private LocalDate requestedStart;
    private LocalDate projectedEnd;
    @Enumerated(EnumType.STRING)
    private PreferredPlacement preferredPlacement;
    private boolean conferenceRequested;
    @Enumerated(EnumType.STRING)
    private ConferenceModality conferenceModality;
    private boolean advocateRequested;
    private boolean needsDevice;
    private boolean needsInternetAccess;
    private String otherResourceNeeds;
    @Column(name = "section_504_plan_reference")
    private String section504PlanReference;
    @Enumerated(EnumType.STRING)
    private SuspensionReferral suspensionReferral;
    private boolean classroomAlternativeOffered;
    private boolean medicalTreatment;
    private String medicalEvidence;

    @Enumerated(EnumType.STRING)
    private Placement.Program program;
    private Boolean longTerm;
    private Integer projectedSchoolDays;
    private Integer cumulativeSchoolDaysBefore;
    private LocalDate longTermFrom;
    private String policyCode;
    private Boolean iepTeamApproves;
    private Boolean iepProvidesCourseBased;
    private Boolean medicalExemption;
    private LocalDate activatedOn;
    private LocalDate endedOn;
    @Enumerated(EnumType.STRING)
    private EndReason endReason;

    protected Enrollment() {
    }

    Enrollment(Long caseId, Long studentId, String requesterName, String receivedBy, FamilyRequest request) {
        this.caseId = caseId;
        this.studentId = studentId;
        this.requestedByStudent = request.requestedByStudent();
        this.requesterGuardianId = request.requesterGuardianId();
        this.requesterName = requesterName;
        this.receivedVia = request.receivedVia();
        this.receivedOn = request.receivedOn();
        this.receivedBy = receivedBy;
        this.reason = request.reason();
        this.requestedStart = request.requestedStart();
        this.projectedEnd = request.projectedEnd();
        this.preferredPlacement = request.preferredPlacement();
        this.conferenceRequested = request.conferenceRequested();
        this.conferenceModality = request.conferenceModality();
        this.advocateRequested = request.advocateRequested();
        this.needsDevice = request.resourceNeeds().device();
        this.needsInternetAccess = request.resourceNeeds().internetAccess();
        this.otherResourceNeeds = request.resourceNeeds().other();
        this.section504PlanReference = request.section504PlanReference();
        this.suspensionReferral = request.suspensionReferral();
        this.classroomAlternativeOffered = request.classroomAlternativeOffered();
        this.medicalTreatment = request.medicalTreatment();
        this.medicalEvidence = request.medicalEvidence();
    }

    void decidePlacementType(PlacementType type) {
        requireUndecided(program, "placement type");
        this.program = type.program();
        this.longTerm = type.longTerm();
        this.projectedSchoolDays = type.projectedSchoolDays();
        this.cumulativeSchoolDaysBefore = type.cumulativeSchoolDaysBefore();
        this.longTermFrom = type.longTermFrom();
        this.policyCode = type.policyCode();
    }

    void recordIepDetermination(boolean approves, boolean providesCourseBased) {
        requireUndecided(iepTeamApproves, "IEP team determination");
        this.iepTeamApproves = approves;
        this.iepProvidesCourseBased = providesCourseBased;
    }

    void decideMedicalExemption(boolean exempt) {
        requireUndecided(medicalExemption, "medical exemption");
        this.medicalExemption = exempt;
    }

    void activate(LocalDate on) {
        requireUndecided(activatedOn, "activation");
        this.activatedOn = on;
    }

    void end(LocalDate on, EndReason why) {
        requireUndecided(endedOn, "end of placement");
        this.endedOn = on;
        this.endReason = why;
    }

    private void requireUndecided(Object current, String what) {
        if (current != null) {
            throw new IllegalStateException("The " + what + " of case " + caseId + " is already recorded");
        }
    }

    /** The last day the placement ran or will run: its actual end, else its projected end. */
    LocalDate lastDay() {
        return endedOn != null ? endedOn : projectedEnd;
    }

    /** The placement ran, or runs, on a day from {@code from} to {@code to}: it became active and ends on or after. */
    boolean overlaps(LocalDate from, LocalDate to) {
        return activatedOn != null && !activatedOn.isAfter(to) && !lastDay().isBefore(from);
    }

    /**
     * ENR-08: the student left a course-based placement that had begun: disenrolled, or returned to in-person
     * instruction, which seed 000 counts as leaving. A request withdrawn before the start left nothing.
     */
    boolean leftCourseBased() {
        return program == Placement.Program.COURSE_BASED && activatedOn != null
                && (endReason == EndReason.DISENROLLED || endReason == EndReason.RETURNED_TO_IN_PERSON);
    }

    public ResourceNeeds resourceNeeds() {
        return new ResourceNeeds(needsDevice, needsInternetAccess, otherResourceNeeds);
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public boolean isRequestedByStudent() {
        return requestedByStudent;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public ReceivedVia getReceivedVia() {
        return receivedVia;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getRequestedStart() {
        return requestedStart;
    }

    public LocalDate getProjectedEnd() {
        return projectedEnd;
    }

    public PreferredPlacement getPreferredPlacement() {
        return preferredPlacement;
    }

    public boolean isConferenceRequested() {
        return conferenceRequested;
    }

    public ConferenceModality getConferenceModality() {
        return conferenceModality;
    }

    public boolean isAdvocateRequested() {
        return advocateRequested;
    }

    public String getSection504PlanReference() {
        return section504PlanReference;
    }

    public SuspensionReferral getSuspensionReferral() {
        return suspensionReferral;
    }

    public boolean isClassroomAlternativeOffered() {
        return classroomAlternativeOffered;
    }

    public boolean isMedicalTreatment() {
        return medicalTreatment;
    }

    public String getMedicalEvidence() {
        return medicalEvidence;
    }

    public Placement.Program getProgram() {
        return program;
    }

    public Boolean getLongTerm() {
        return longTerm;
    }

    public Integer getProjectedSchoolDays() {
        return projectedSchoolDays;
    }

    public Integer getCumulativeSchoolDaysBefore() {
        return cumulativeSchoolDaysBefore;
    }

    public LocalDate getLongTermFrom() {
        return longTermFrom;
    }

    public String getPolicyCode() {
        return policyCode;
    }

    public Boolean getIepTeamApproves() {
        return iepTeamApproves;
    }

    public Boolean getIepProvidesCourseBased() {
        return iepProvidesCourseBased;
    }

    public Boolean getMedicalExemption() {
        return medicalExemption;
    }

    public LocalDate getActivatedOn() {
        return activatedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public EndReason getEndReason() {
        return endReason;
    }
}
