package org.independentstudy.support;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.agreement.AgreementActivation;
import org.independentstudy.agreement.AgreementDraft;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.AgreementVersion;
import org.independentstudy.agreement.RequiredSigner;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.enrollment.FamilyRequests;
import org.independentstudy.enrollment.PlacementLifecycle;
import org.independentstudy.people.Student;
import org.springframework.stereotype.Component;

/**
 * Active placements for the tests of phase 3 (participation, register, progress, re-engagement): a new student
 * like a demo student, the family's request registered, the agreement drafted, signed by everyone required and
 * activated (AGR-09) through the real services, without running the case process. A test bean of the shared
 * context.
 */
@Component
public class ActivePlacements {

    /** Winter 2027, long-term: 11 weeks with the Presidents' Day and MLK holidays inside. */
    public static final LocalDate START = LocalDate.of(2027, 1, 11);
    public static final LocalDate END = LocalDate.of(2027, 3, 26);

    private final DemoStudents demoStudents;
    private final FamilyRequests familyRequests;
    private final PlacementLifecycle lifecycle;
    private final EnrolledPlacements placements;
    private final AgreementDrafting drafting;
    private final AgreementSignatures signatures;
    private final AgreementActivation activation;

    ActivePlacements(DemoStudents demoStudents, FamilyRequests familyRequests, PlacementLifecycle lifecycle,
                     EnrolledPlacements placements, AgreementDrafting drafting, AgreementSignatures signatures,
                     AgreementActivation activation) {
        this.demoStudents = demoStudents;
        this.familyRequests = familyRequests;
        this.lifecycle = lifecycle;
        this.placements = placements;
        this.drafting = drafting;
        this.signatures = signatures;
        this.activation = activation;
    }

    /** The placement of a new student, active from {@code start} to {@code end}. */
    public record ActivePlacement(Long caseId, Student student, String teacher, LocalDate firstDay,
                                  LocalDate lastDay) {
    }

    /**
     * A traditional placement of a new student like the demo student, supervised by {@code teacher}, active from
     * START to END. The demo teachers: "teacher" (Lincoln High, English and History), "teacher3" (elementary),
     * "teacher4" (middle school).
     */
    public ActivePlacement traditional(String demoStudent, String teacher) {
        return traditional(demoStudent, teacher, START, END);
    }

    /** A traditional placement of a new student like the demo student, active from start to end. */
    public ActivePlacement traditional(String demoStudent, String teacher, LocalDate start, LocalDate end) {
        Student student = demoStudents.newStudentLike(demoStudent);
        Long caseId = familyRequests.register(demoStudents.requestFor(student).dates(start, end).build()).caseId();
        lifecycle.decideType(caseId);
        Long agreementId = drafting.prepare(placements.placementOf(caseId)).getId();
        AgreementVersion version = drafting.save(agreementId, draft(start, end, teacher));
        drafting.sendForSignature(version.getId(), null);
        for (RequiredSigner signer : signatures.requiredSigners(version.getId(), start)) {
            signatures.sign(version.getId(), signer.role(), signer.identity(), SignatureMethod.TASKLIST);
        }
        AgreementActivation.ActiveDays days = activation.activate(version.getId());
        lifecycle.activate(caseId, days.firstDay());
        return new ActivePlacement(caseId, student, teacher, days.firstDay(), days.lastDay());
    }

    private static AgreementDraft draft(LocalDate start, LocalDate end, String teacher) {
        return new AgreementDraft(start, end, "Daily check-in online; work turned in each Friday",
                "Grade-level standards through the district's online curriculum",
                "Teacher review of work products and a unit test every three weeks",
                "Progress is measured per unit; an evaluation follows three missed assignments",
                "Chromebook on loan and textbooks", "Grade-level accomplishments", "Weekly tutoring", teacher,
                List.of());
    }
}
