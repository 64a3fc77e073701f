package org.independentstudy.family;

import java.util.Locale;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentLookup;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 12.8: staff who speak with the family record the language it reads ({@code student.home_language}); the
 * family's e-mails, letters and pages follow it from then on, and the student's open cases say so.
 */
@RestController
class HomeLanguageController {

    record HomeLanguage(String language) {
    }

    /** The recorded code, and the language the family's messages are written in (English where none speaks it). */
    record RecordedLanguage(String studentNumber, String homeLanguage, String messagesIn) {
    }

    private final StudentLookup students;
    private final FamilyLanguage languages;
    private final CaseRecord caseRecord;

    HomeLanguageController(StudentLookup students, FamilyLanguage languages, CaseRecord caseRecord) {
        this.students = students;
        this.languages = languages;
        this.caseRecord = caseRecord;
    }

    @PutMapping("/api/students/{idOrNumber}/home-language")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    @Transactional
    RecordedLanguage record(@PathVariable String idOrNumber, @RequestBody HomeLanguage body) {
        String code = FamilyLanguage.codeOf(body.language());
        Student student = students.byIdOrNumber(idOrNumber).orElseThrow(() -> new NotFoundException(
                "No student with id or student number '" + idOrNumber + "'"));
        Locale messagesIn = languages.record(student.getId(), code);
        caseRecord.casesOfStudent(student.getId()).stream().filter(c -> !c.isClosed())
                .forEach(c -> caseRecord.append(c.getId(), CaseEvent.of("homeLanguageRecorded",
                        "The family's home language recorded as " + Locale.forLanguageTag(code)
                                .getDisplayLanguage(Locale.ENGLISH) + " (" + code + "); their e-mails, letters and "
                                + "pages are in " + messagesIn.getDisplayLanguage(Locale.ENGLISH))));
        return new RecordedLanguage(student.getStudentNumber(), code, messagesIn.getLanguage());
    }
}
