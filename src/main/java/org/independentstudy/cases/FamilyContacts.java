package org.independentstudy.cases;

import java.util.Locale;
import java.util.stream.Collectors;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.Enrollments;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * ENR-02: what a counselor needs in front of them to schedule the conference with the family: who to call and how
 * to reach them, and how the family asked to meet. A short Markdown list, as Tasklist's form shows it.
 */
@Component
public class FamilyContacts {

    private final CaseRecord caseRecord;
    private final GuardianRepository guardians;
    private final Enrollments enrollments;

    FamilyContacts(CaseRecord caseRecord, GuardianRepository guardians, Enrollments enrollments) {
        this.caseRecord = caseRecord;
        this.guardians = guardians;
        this.enrollments = enrollments;
    }

    @Transactional(readOnly = true)
    public String forScheduling(Long caseId) {
        String family = guardians.findByStudentIdOrderById(caseRecord.get(caseId).getStudentId()).stream()
                .map(FamilyContacts::line).collect(Collectors.joining("\n"));
        Enrollment request = enrollments.of(caseId);
        String modality = request.getConferenceModality() == null ? "no preference given"
                : request.getConferenceModality().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return (family.isEmpty() ? "- No parent or guardian on record" : family)
                + "\n\nThe family asked to meet: " + modality
                + (request.isAdvocateRequested() ? "; an advocate is requested." : ".");
    }

    private static String line(Guardian guardian) {
        return "- **" + guardian.getFullName() + "** (" + guardian.getRelationship().name().toLowerCase(Locale.ROOT)
                + "): " + (guardian.getPhone() == null ? "no phone" : guardian.getPhone()) + ", "
                + (guardian.getEmail() == null ? "no e-mail (letters by post)" : guardian.getEmail());
    }
}
