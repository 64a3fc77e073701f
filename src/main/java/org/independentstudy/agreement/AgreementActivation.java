package org.independentstudy.agreement;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** AGR-09: a fully signed agreement makes the case active from its first countable day (AGR-07). */
@Service
public class AgreementActivation {

    private final AgreementDrafting drafting;
    private final AgreementVersionRepository versions;
    private final AgreementSignatures signatures;
    private final StudentRepository students;
    private final SignatureDeadlines deadlines;
    private final CaseRecord caseRecord;
    private final ApplicationEventPublisher events;

    AgreementActivation(AgreementDrafting drafting, AgreementVersionRepository versions,
                        AgreementSignatures signatures, StudentRepository students, SignatureDeadlines deadlines,
                        CaseRecord caseRecord, ApplicationEventPublisher events) {
        this.drafting = drafting;
        this.versions = versions;
        this.signatures = signatures;
        this.students = students;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.events = events;
    }

    /** The days of an active placement: the first that counts (AGR-07) and the agreement's last. */
    public record ActiveDays(LocalDate firstDay, LocalDate lastDay) {
    }

    /** Moves the case to ACTIVE and returns its days: from the first that counts to the agreement's last. */
    @Transactional
    public ActiveDays activate(Long agreementVersionId) {
        AgreementVersion version = versions.findById(agreementVersionId).orElseThrow();
        List<AgreementSignature> given = signatures.signaturesOf(agreementVersionId);
        if (version.getStatus() != AgreementVersion.Status.FULLY_SIGNED || given.isEmpty()) {
            throw new IllegalStateException("AGR-09: agreement version " + agreementVersionId
                    + " is not fully signed; the case cannot become active");
        }
        AgreementContent content = version.content();
        LocalDate lastSignatureDay = signatures.lastSignatureDay(given);
        Student student = students.findById(content.student().studentId()).orElseThrow();
        // AGR-09: for a minor the parent's signature is the permission for independent study
        if (!student.isAdultOn(lastSignatureDay)
                && given.stream().noneMatch(s -> s.getSignerRole() == SignerRole.PARENT_OR_GUARDIAN)) {
            throw new IllegalStateException("AGR-09: no parent, guardian or caregiver signed for the minor "
                    + student.fullName() + "; the case cannot become active");
        }
        SignatureDeadlines.CountableDays countable = deadlines.countableDays(content.longTerm(), content.startDate(),
                drafting.policyOf(agreementVersionId), lastSignatureDay);
        LocalDate firstDay = countable.firstCountableDay();
        Long caseId = drafting.agreementOfVersion(agreementVersionId).getCaseId();
        caseRecord.moveTo(caseId, CasePhase.ACTIVE, CaseEvent.underRule("AGR-09", "independentStudyActivated",
                "Written agreement version " + version.getVersionNumber() + " fully signed; independent study is "
                        + "active from " + firstDay + ". " + countable.explanation())
                .withPolicy(content.policy().policyCode()));
        events.publishEvent(new AgreementActivated(caseId, agreementVersionId, firstDay, content));
        return new ActiveDays(firstDay, content.endDate());
    }
}
