package org.independentstudy.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.enrollment.Placement;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.enrollment.ResourceNeeds;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.people.School;
import org.independentstudy.people.SchoolRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.policy.DistrictPolicy;
import org.independentstudy.policy.DistrictPolicyRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.CurrentActor;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting a written agreement: preparing it for a placement (master or supplement, AGR-12), saving the
 * drafter's text as a version (an edit is a new version, AGR-08), validating it (AGR-01, AGR-03..05, AGR-11)
 * and sending it for signature.
 */
@Service
public class AgreementDrafting {

    static final String OPTIONAL_STATEMENT = "Independent study is an optional educational alternative in which "
            + "no student may be required to participate.";
    static final String CLASSROOM_ALTERNATIVE_STATEMENT = "Instruction may be provided to the student through "
            + "independent study only if the student is offered the alternative of classroom instruction "
            + "(EC 48915, 48917).";

    private final WrittenAgreementRepository agreements;
    private final AgreementVersionRepository versions;
    private final AgreementSignatureRepository signatures;
    private final StudentRepository students;
    private final SchoolRepository schools;
    private final DistrictPolicyRepository policies;
    private final CaseRecord caseRecord;
    private final CurrentActor actor;
    private final SchoolCalendar schoolCalendar;
    private final SupervisorCredentials credentials;
    private final SignatureDeadlines deadlines;
    private final PreEnrollmentConference conference;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgreementDrafting(WrittenAgreementRepository agreements, AgreementVersionRepository versions,
                      AgreementSignatureRepository signatures, StudentRepository students, SchoolRepository schools, DistrictPolicyRepository policies,
                      CaseRecord caseRecord, CurrentActor actor, SchoolCalendar schoolCalendar,
                      SupervisorCredentials credentials, SignatureDeadlines deadlines,
                      PreEnrollmentConference conference, ApplicationEventPublisher events, Clock clock) {
        this.agreements = agreements;
        this.versions = versions;
        this.signatures = signatures;
        this.students = students;
        this.schools = schools;
        this.policies = policies;
        this.caseRecord = caseRecord;
        this.actor = actor;
        this.schoolCalendar = schoolCalendar;
        this.credentials = credentials;
        this.deadlines = deadlines;
        this.conference = conference;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new agreement for the placement: a supplement referencing the master when the student already has a
     * fully signed master agreement in the placement's school year (AGR-12), else a master agreement.
     */
    @Transactional
    public WrittenAgreement prepare(Placement placement) {
        Optional<WrittenAgreement> master = signedMasterInSchoolYearOf(placement);
        WrittenAgreement agreement = agreements.save(new WrittenAgreement(placement,
                master.map(WrittenAgreement::getId).orElse(null), clock.instant(), actor.username()));
        // nobody has drafted anything yet: the record says drafting opened; "drafted" waits for a submitted draft
        IndependentStudyCase isCase = caseRecord.get(placement.caseId());
        CaseEvent event = CaseEvent.underRule(master.isPresent() ? "AGR-12" : "AGR-01", "agreementDraftingOpened",
                (master.isPresent() ? "Supplemental agreement to master agreement " + master.get().getId()
                        : "Written agreement") + " opened for drafting for the " + placement.program()
                        + " placement from " + placement.startDate() + "; a teacher or counselor drafts it")
                .withPolicy(placement.policyCode());
        if (isCase.getPhase() == CasePhase.AGREEMENT) {
            caseRecord.append(isCase.getId(), event);
        } else {
            caseRecord.moveTo(isCase.getId(), CasePhase.AGREEMENT, event);
        }
        return agreement;
    }

    private Optional<WrittenAgreement> signedMasterInSchoolYearOf(Placement placement) {
        String schoolYear = schoolCalendar.schoolYearOf(placement.startDate()).label();
        List<Long> caseIds = caseRecord.casesOfStudent(placement.studentId()).stream()
                .map(IndependentStudyCase::getId).toList();
        return agreements.findByCaseIdInAndKindOrderByIdDesc(caseIds, WrittenAgreement.Kind.MASTER).stream()
                .filter(a -> schoolCalendar.schoolYearOf(a.getPlacementStart()).label().equals(schoolYear))
                .filter(a -> versions.findByAgreementIdOrderByVersionNumber(a.getId()).stream()
                        .anyMatch(v -> v.getStatus() == AgreementVersion.Status.FULLY_SIGNED))
                .findFirst();
    }

    /**
     * What the drafter of a new agreement starts from: the placement's dates and, as resources provided, what
     * the family said the student lacks (ENR-10, AGR-03 (3)).
     */
    @Transactional(readOnly = true)
    public AgreementDraft startingDraft(Long agreementId, ResourceNeeds needs) {
        WrittenAgreement agreement = agreement(agreementId);
        return new AgreementDraft(agreement.getPlacementStart(), agreement.getPlacementEnd(), null, null, null,
                null, providedFor(needs), null, null, null, List.of());
    }

    // ENR-10: no student is refused for lacking devices or connectivity; the district provides them
    private static String providedFor(ResourceNeeds needs) {
        if (!needs.any()) {
            return null;
        }
        List<String> provided = new ArrayList<>();
        if (needs.device()) {
            provided.add("a device on loan from the district");
        }
        if (needs.internetAccess()) {
            provided.add("internet connectivity (a hotspot) from the district");
        }
        if (needs.other() != null && !needs.other().isBlank()) {
            provided.add(needs.other().strip());
        }
        return "Provided to the student: " + String.join("; ", provided) + ".";
    }

    /**
     * Saves the drafter's text. Unchanged text keeps the current version; any change while the current
     * version is open makes a new version and supersedes the old one, whose signatures stay on record (AGR-08).
     */
    @Transactional
    public AgreementVersion save(Long agreementId, AgreementDraft draft) {
        WrittenAgreement agreement = agreement(agreementId);
        CanonicalContent content = CanonicalContent.of(contentOf(agreement, draft));
        Optional<AgreementVersion> latest = versions.findFirstByAgreementIdOrderByVersionNumberDesc(agreementId);
        if (latest.isPresent() && !latest.get().isSuperseded()
                && latest.get().getContentSha256().equals(content.sha256())) {
            return latest.get();
        }
        latest.filter(v -> !v.isSuperseded()).ifPresent(AgreementVersion::supersede);
        int number = latest.map(v -> v.getVersionNumber() + 1).orElse(1);
        return versions.save(new AgreementVersion(agreementId, number, content, clock.instant(), actor.username()));
    }

    /**
     * What became of a submitted draft: every problem that keeps it from signature, or, complete, the version it is.
     *
     * @param version empty while the draft has problems: only a complete agreement is numbered, so version 1 is the
     *                first one that can be signed
     */
    public record SubmittedDraft(Optional<AgreementVersion> version, List<String> problems) {
    }

    /**
     * A drafter submitted the drafting form (AGR-01, AGR-03..05, AGR-11): problems are listed without saving anything;
     * a complete draft is saved as a version (AGR-08), and the record says who drafted it when the text is new.
     */
    @Transactional
    public SubmittedDraft submit(Long agreementId, AgreementDraft draft) {
        WrittenAgreement agreement = agreement(agreementId);
        List<String> problems = problemsOf(contentOf(agreement, draft), agreement);
        if (!problems.isEmpty()) {
            return new SubmittedDraft(Optional.empty(), problems);
        }
        Optional<AgreementVersion> before = versions.findFirstByAgreementIdOrderByVersionNumberDesc(agreementId);
        AgreementVersion version = save(agreementId, draft);
        if (before.map(v -> !v.getId().equals(version.getId())).orElse(true)) {
            boolean supplement = agreement.getKind() == WrittenAgreement.Kind.SUPPLEMENT;
            caseRecord.append(agreement.getCaseId(), CaseEvent.underRule(supplement ? "AGR-12" : "AGR-01",
                    supplement ? "supplementalAgreementDrafted" : "writtenAgreementDrafted", "Version "
                            + version.getVersionNumber() + " of the " + (supplement ? "supplemental" : "written")
                            + " agreement drafted, from " + draft.startDate() + " to " + draft.endDate()
                            + "; supervising teacher " + draft.supervisingTeacher())
                    .withPolicy(agreement.getPolicyCode()));
        }
        return new SubmittedDraft(Optional.of(version), List.of());
    }

    /** AGR-08: the agreement is to be edited; the version out for signature is withdrawn, its signatures kept. */
    @Transactional
    public void reopenForRevision(Long agreementVersionId, String reason) {
        AgreementVersion version = withdraw(agreementVersionId);
        Long caseId = agreement(version.getAgreementId()).getCaseId();
        events.publishEvent(new AgreementRevisionRequested(caseId, agreementVersionId, actor.username(), reason));
        caseRecord.append(caseId, CaseEvent.underRule("AGR-08",
                "agreementReopenedForRevision", "Version " + version.getVersionNumber()
                        + " withdrawn for revision: " + reason + "; its signatures stay on record and the "
                        + "revised agreement must be signed again"));
    }

    /**
     * ENR-02: the parent asked for a pre-enrollment conference, which comes before signing: refused once the family
     * signed the case's current version; a version out for signature is withdrawn (signatures kept, family links
     * revoked) and goes back to its drafter after the conference. An agreement still being drafted has nothing to
     * hold.
     */
    @Transactional
    public void holdForConference(Long caseId) {
        Optional<AgreementVersion> current = currentVersionOfCase(caseId);
        if (current.isEmpty()) {
            return;
        }
        AgreementVersion version = current.get();
        if (signatures.findByAgreementVersionIdOrderById(version.getId()).stream()
                .anyMatch(signature -> signature.getSignerRole().isFamily())) {
            throw new ConflictException("ENR-02: the family has signed version " + version.getVersionNumber()
                    + " of the agreement of case " + caseId + "; a pre-enrollment conference is asked for before "
                    + "signing");
        }
        if (version.getStatus() != AgreementVersion.Status.SENT_FOR_SIGNATURE) {
            return;
        }
        withdraw(version.getId());
        events.publishEvent(new AgreementSigningHeld(caseId, version.getId()));
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "signingHeldForConference", "Signing of version "
                + version.getVersionNumber() + " of the written agreement put on hold: the parent asked for a "
                + "pre-enrollment conference. Its signatures stay on record and its family signing links no longer "
                + "work; after the conference the agreement goes back to its drafter and is sent for signature "
                + "again"));
    }

    /** AGR-07: the placement ends without a signed agreement; the version out for signature is withdrawn. */
    @Transactional
    public void withdrawUnsigned(Long agreementVersionId) {
        AgreementVersion version = withdraw(agreementVersionId);
        caseRecord.append(agreement(version.getAgreementId()).getCaseId(), CaseEvent.underRule("AGR-07",
                "agreementWithdrawn", "Version " + version.getVersionNumber() + " of the written agreement "
                        + "withdrawn unsigned as the placement ends; its signatures stay on record and its family "
                        + "signing links no longer work"));
    }

    /** TRN-02: the family left before signing was complete; a version out for signature is withdrawn. */
    @Transactional
    public void withdrawOutstanding(Long caseId) {
        currentVersionOfCase(caseId).filter(v -> v.getStatus() == AgreementVersion.Status.SENT_FOR_SIGNATURE)
                .ifPresent(version -> {
                    withdraw(version.getId());
                    caseRecord.append(caseId, CaseEvent.underRule("TRN-02", "agreementWithdrawn", "Version "
                            + version.getVersionNumber() + " of the written agreement withdrawn as the family "
                            + "left; its signatures stay on record and its family signing links no longer work"));
                });
    }

    private AgreementVersion withdraw(Long agreementVersionId) {
        AgreementVersion version = version(agreementVersionId);
        if (version.getStatus() != AgreementVersion.Status.SENT_FOR_SIGNATURE) {
            throw new ConflictException("Version " + version.getVersionNumber() + " of the agreement is "
                    + version.getStatus() + "; only an agreement out for signature can be withdrawn");
        }
        version.supersede();
        events.publishEvent(new AgreementVersionWithdrawn(agreementVersionId));
        return version;
    }

    /** Every reason this version may not go to signature, each naming its rule; empty when it may. */
    @Transactional(readOnly = true)
    public List<String> problemsOf(Long agreementVersionId) {
        AgreementVersion version = version(agreementVersionId);
        return problemsOf(version.content(), agreement(version.getAgreementId()));
    }

    private List<String> problemsOf(AgreementContent content, WrittenAgreement agreement) {
        List<String> problems = new ArrayList<>(new AgreementValidator(schoolCalendar).problemsOf(content, agreement));
        if (content.startDate() != null) {
            problems.addAll(credentials.problemsOf(content, content.startDate()));
        }
        return problems;
    }

    /**
     * Sends a valid version for signature and records its deadline (AGR-07); the family's links go out once
     * this commits ({@link AgreementReadyForSignatures}).
     *
     * @param windowFrom the day a principal decided to have the agreement revised after a missed deadline; its
     *                   signing window counts from that day when it is later than the first day; null if none
     */
    @Transactional
    public SignatureDeadline sendForSignature(Long agreementVersionId, LocalDate windowFrom) {
        AgreementVersion version = version(agreementVersionId);
        WrittenAgreement agreement = agreement(version.getAgreementId());
        // ENR-02: the process waits for a pending conference before it sends (gateway conferencePending)
        if (conference.pendingFor(agreement.getCaseId())) {
            throw new IllegalStateException("ENR-02: case " + agreement.getCaseId() + " waits for the "
                    + "pre-enrollment conference the parent asked for; its agreement is not sent for signature");
        }
        version.sendForSignature(clock.instant(), windowFrom);
        AgreementContent content = version.content();
        // AGR-11, REC-05: the credential each assigned teacher holds is on the case record
        caseRecord.append(agreement.getCaseId(), CaseEvent.underRule("AGR-11", "teacherCredentialsRecorded",
                "Credentials checked on " + content.startDate() + ": "
                        + String.join("; ", credentials.recordOf(content, content.startDate()))));
        SignatureDeadline deadline = signatureDeadlineOf(agreementVersionId);
        caseRecord.append(agreement.getCaseId(), CaseEvent.underRule("AGR-06", "agreementSentForSignature",
                "Version " + version.getVersionNumber() + " of the written agreement sent for signature; "
                        + deadline.rule()).withPolicy(content.policy().policyCode()));
        // its listener runs after commit (@TransactionalEventListener): no e-mail for a rollback
        events.publishEvent(new AgreementReadyForSignatures(agreementVersionId));
        return deadline;
    }

    /**
     * AGR-07: when this version must be fully signed, under the policy its placement was decided by: counted from
     * its first day, or from a principal's decision to revise when that is later (never a deadline already
     * passed at the decision), and moved to the day a principal keeps waiting until.
     */
    @Transactional(readOnly = true)
    public SignatureDeadline signatureDeadlineOf(Long agreementVersionId) {
        AgreementVersion version = version(agreementVersionId);
        AgreementContent content = version.content();
        SignatureDeadline deadline = deadline(content.longTerm(), content.startDate(), policyOf(version),
                version.getSigningWindowFrom());
        return version.getSigningExtendedUntil() == null ? deadline
                : deadlines.waitingUntil(deadline, version.getSigningExtendedUntil());
    }

    /**
     * AGR-07: the deadline a draft works towards before it is a version: the placement's, or after a principal's
     * decision to revise, the fresh window from {@code windowFrom} (null if none).
     */
    @Transactional(readOnly = true)
    public SignatureDeadline draftDeadlineOf(Long agreementId, LocalDate windowFrom) {
        WrittenAgreement agreement = agreement(agreementId);
        return deadline(agreement.isLongTerm(), agreement.getPlacementStart(),
                policies.findById(agreement.getPolicyCode()).orElseThrow(), windowFrom);
    }

    private SignatureDeadline deadline(boolean longTerm, LocalDate firstDay, DistrictPolicy policy,
                                       LocalDate windowFrom) {
        return windowFrom != null && windowFrom.isAfter(firstDay) ? deadlines.windowFrom(windowFrom, policy)
                : deadlines.deadlineOf(longTerm, firstDay, policy);
    }

    /** The district policy the version's placement was decided under. */
    @Transactional(readOnly = true)
    public DistrictPolicy policyOf(Long agreementVersionId) {
        return policyOf(version(agreementVersionId));
    }

    private DistrictPolicy policyOf(AgreementVersion version) {
        return policies.findById(version.content().policy().policyCode()).orElseThrow();
    }

    /** AGR-11: the teachers of the case's school credentialed on the placement's first day, to choose from. */
    @Transactional(readOnly = true)
    public List<StaffMember> credentialedTeachersFor(Long agreementId) {
        WrittenAgreement agreement = agreement(agreementId);
        return credentials.credentialedTeachers(caseRecord.get(agreement.getCaseId()).getSchoolId(),
                agreement.getPlacementStart());
    }

    /** The agreement the draft would make, unsaved: what the drafter reviews. */
    @Transactional(readOnly = true)
    public AgreementContent preview(Long agreementId, AgreementDraft draft) {
        return contentOf(agreement(agreementId), draft);
    }

    /** The newest version of the newest agreement of a case. */
    @Transactional(readOnly = true)
    public Optional<AgreementVersion> currentVersionOfCase(Long caseId) {
        return agreements.findByCaseIdOrderByIdDesc(caseId).stream().findFirst()
                .flatMap(a -> versions.findFirstByAgreementIdOrderByVersionNumberDesc(a.getId()));
    }

    @Transactional(readOnly = true)
    public WrittenAgreement agreementOfVersion(Long agreementVersionId) {
        return agreement(version(agreementVersionId).getAgreementId());
    }

    private AgreementContent contentOf(WrittenAgreement agreement, AgreementDraft draft) {
        IndependentStudyCase isCase = caseRecord.get(agreement.getCaseId());
        Student student = students.findById(isCase.getStudentId()).orElseThrow();
        School school = schools.findById(isCase.getSchoolId()).orElseThrow();
        DistrictPolicy policy = policies.findById(agreement.getPolicyCode()).orElseThrow();
        String placementText = (agreement.isLongTerm() ? "long-term " : "short-term ")
                + (agreement.getProgram() == Placement.Program.COURSE_BASED ? "course-based" : "traditional")
                + " independent study";
        // AGR-02: the general student data come from the student record, never from the drafter
        AgreementContent.StudentParticulars particulars = new AgreementContent.StudentParticulars(student.getId(),
                student.getStudentNumber(), student.fullName(), student.getAddress().singleLine(),
                student.getGrade().code(), student.getBirthDate(), school.getName(), placementText);
        boolean courseBased = agreement.getProgram() == Placement.Program.COURSE_BASED;
        // AGR-03 (4), AGR-04 (1, 10): the board-policy statement of the policy the placement was decided under
        AgreementContent.PolicyStatement statement = new AgreementContent.PolicyStatement(policy.getCode(),
                policy.getTitle(), policy.getMaxAssignmentCalendarDays(), policy.getSatisfactoryProgressStatement(),
                policy.getMissedAssignmentsForEvaluation(), courseBased ? policy.getCourseBasedPolicySummary() : null);
        return new AgreementContent(particulars, agreement.getKind(), agreement.getMasterAgreementId(),
                agreement.getProgram().name(), agreement.isLongTerm(), draft.startDate(), draft.endDate(),
                draft.submissionAndReporting(), draft.studyObjectivesAndMethods(), draft.evaluationMethods(),
                draft.progressMeasurement(), draft.resourcesProvided(), statement, draft.creditsOrAccomplishments(),
                draft.supports(), SupportPrompts.of(student, agreement), OPTIONAL_STATEMENT,
                agreement.isSuspendedOrExpelledReferral() ? CLASSROOM_ALTERNATIVE_STATEMENT : null,
                agreement.getSection504PlanReference(), draft.supervisingTeacher(),
                courseBased ? draft.courses() : List.of());
    }

    private WrittenAgreement agreement(Long agreementId) {
        return agreements.findById(agreementId)
                .orElseThrow(() -> new NotFoundException("No written agreement " + agreementId));
    }

    private AgreementVersion version(Long versionId) {
        return versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("No agreement version " + versionId));
    }
}
