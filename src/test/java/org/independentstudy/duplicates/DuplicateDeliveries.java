package org.independentstudy.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.RequiredSigner;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.calendar.SchoolCalendarLoader;
import org.independentstudy.calendar.SchoolYearCalendarRepository;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.security.Roles;
import org.independentstudy.signing.FamilyReturnLinks;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.AtTheSameMoment;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.RequestBuilder;
import org.independentstudy.support.Uploads;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a double click, a retrying client or two browser tabs do: the same task form, family message or import sent
 * twice at the same moment. A test bean, run on H2 and on PostgreSQL.
 */
@Component
class DuplicateDeliveries {

    private static final DateTimeFormatter ZOOM = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
    private static final String OUTLOOK_2027_28 = "calendars/outlook-export-2027-28.ics";

    private final TestRestTemplate rest;
    private final DemoStudents students;
    private final CaseIntake intake;
    private final CaseRecord caseRecord;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final AgreementSignatures signatures;
    private final FamilyReturnLinks returnLinks;
    private final ActivePlacements activePlacements;
    private final SchoolYearCalendarRepository calendars;
    private final SchoolCalendarLoader calendarLoader;
    private final JdbcTemplate jdbc;

    DuplicateDeliveries(TestRestTemplate rest, DemoStudents students, CaseIntake intake, CaseRecord caseRecord,
                        RuntimeService runtime, TaskService tasks, ManagementService management,
                        IdentityService identity, AgreementSignatures signatures, FamilyReturnLinks returnLinks,
                        ActivePlacements activePlacements, SchoolYearCalendarRepository calendars,
                        SchoolCalendarLoader calendarLoader, JdbcTemplate jdbc) {
        this.rest = rest;
        this.students = students;
        this.intake = intake;
        this.caseRecord = caseRecord;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.signatures = signatures;
        this.returnLinks = returnLinks;
        this.activePlacements = activePlacements;
        this.calendars = calendars;
        this.calendarLoader = calendarLoader;
        this.jdbc = jdbc;
    }

    /** Tasklist's form for scheduling the conference sent twice: one schedule, one next task; the other a 4xx. */
    void taskFormSubmittedTwice() throws Exception {
        FixedEngineClock.setClock(FixedEngineClock.DECEMBER_FIRST.withMonth(9));
        Long caseId = intake.receive(students.requestForNewStudentLike("S100002").withConference(false).build());
        String taskId = taskOf(caseId, "schedulePreEnrollmentConference");
        Map<String, Object> form = Map.of("variables", Map.of(
                "conferenceModality", Map.of("value", "TELEPHONE"),
                "conferenceDate", Map.of("value", "2026-09-03"),
                "conferenceAttendees", Map.of("value", "Parent, student, counselor")));
        Callable<ResponseEntity<Map>> submit = () -> as(rest, "admin").postForEntity(
                "/engine-rest/task/{id}/submit-form", form, Map.class, taskId);

        List<ResponseEntity<Map>> answers = AtTheSameMoment.run(Collections.nCopies(2, submit));

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsOnlyOnce(HttpStatus.NO_CONTENT)
                .anySatisfy(status -> assertThat(status).isIn(HttpStatus.CONFLICT, HttpStatus.NOT_FOUND));
        assertThat(answers).filteredOn(a -> a.getStatusCode() != HttpStatus.NO_CONTENT).singleElement()
                .satisfies(refused -> assertThat((String) refused.getBody().get("message"))
                        .contains("completed or changed by another request"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString())
                .taskDefinitionKey("recordPreEnrollmentConference").count()).isEqualTo(1);
        assertThat(stepsOf(caseId)).containsOnlyOnce("preEnrollmentConferenceScheduled");
    }

    /** The family's return link used twice at once: one return to the classroom under way, the other told so. */
    void familyReturnRequestedTwice() throws Exception {
        FixedEngineClock.setClock(FixedEngineClock.DECEMBER_FIRST.withMonth(9));
        RequestBuilder request = students.requestForNewStudentLike("S100001");
        Long caseId = intake.receive(request.build());
        activate(caseId, request);
        FixedEngineClock.setClock(FixedEngineClock.DECEMBER_FIRST.withMonth(9).withDayOfMonth(21));
        String link = URI.create(returnLinks.urlFor(caseId, request.guardianId, request.end)).getPath();
        Callable<ResponseEntity<String>> ask = () -> rest.postForEntity(link, null, String.class);

        List<ResponseEntity<String>> answers = AtTheSameMoment.run(Collections.nCopies(2, ask));

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("return-to-classroom")
                .processInstanceBusinessKey(caseId.toString()).count()).isEqualTo(1);
        assertThat(caseRecord.timelineOf(caseId)).extracting(TimelineEntry::getDescription)
                .filteredOn(d -> d.contains("through the e-mailed link")).hasSize(1);
    }

    /** The district's calendar file uploaded twice at once: one stored year. */
    void calendarImportedTwice() throws Exception {
        byte[] file = new ClassPathResource(OUTLOOK_2027_28).getContentAsByteArray();
        try {
            Callable<ResponseEntity<Map>> upload = () -> as(rest, "admin").postForEntity("/api/calendars",
                    Uploads.file("outlook-export-2027-28.ics", file), Map.class);

            List<ResponseEntity<Map>> answers = AtTheSameMoment.run(Collections.nCopies(2, upload));

            assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
            assertThat(answers).extracting(a -> a.getBody().get("schoolYear")).containsOnly("2027-28");
            assertThat(jdbc.queryForObject("select count(*) from school_year_calendar where school_year = '2027-28'",
                    Long.class)).isEqualTo(1);
        } finally {
            // 2027-28 stays missing for the other tests (summer requests of July 2027)
            calendars.findBySchoolYear("2027-28").ifPresent(calendars::delete);
            calendarLoader.reload();
        }
    }

    /** A teacher's participant report uploaded twice at once, then confirmed twice at once: one set of rows. */
    void participantReportImportedTwice() throws Exception {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher2");
        String email = placement.student().getStudentNumber().toLowerCase(Locale.ROOT) + "@students.district.example";
        jdbc.update("update student set email = ? where id = ?", email, placement.student().getId());
        StringBuilder report = new StringBuilder(
                "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest\n");
        for (LocalDate day : List.of(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 2))) {
            report.append("\"Linh Pham\",teacher2@district.example,").append(ZOOM.format(day.atTime(9, 0)))
                    .append(',').append(ZOOM.format(day.atTime(10, 0))).append(",0,No\n");
            report.append("\"Pupil\",").append(email).append(',').append(ZOOM.format(day.atTime(9, 5))).append(',')
                    .append(ZOOM.format(day.atTime(9, 50))).append(",0,No\n");
        }
        byte[] file = report.toString().getBytes(StandardCharsets.UTF_8);
        Callable<ResponseEntity<Map>> upload = () -> as(rest, "teacher2").postForEntity(
                "/api/participation/imports", Uploads.file("participants.csv", file), Map.class);

        List<ResponseEntity<Map>> uploads = AtTheSameMoment.run(Collections.nCopies(2, upload));

        assertThat(uploads).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.OK);
        assertThat(uploads).extracting(a -> a.getBody().get("alreadyImported")).containsExactlyInAnyOrder(false, true);
        Number importId = (Number) uploads.get(0).getBody().get("importId");
        assertThat(uploads).extracting(a -> a.getBody().get("importId")).as("both answers name the one import")
                .containsOnly(importId);
        assertThat(jdbc.queryForObject("select count(*) from participation_import where teacher = 'teacher2' and "
                + "id in (select import_id from participation_suggestion where case_id = ?)", Long.class,
                placement.caseId())).isEqualTo(1);

        Callable<ResponseEntity<Map>> confirm = () -> as(rest, "teacher2").postForEntity(
                "/api/participation/imports/{id}/confirmation", Map.of(), Map.class, importId);
        List<ResponseEntity<Map>> confirmations = AtTheSameMoment.run(Collections.nCopies(2, confirm));

        assertThat(confirmations).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.OK);
        assertThat(confirmations).extracting(a -> a.getBody().get("alreadyImported"))
                .containsExactlyInAnyOrder(false, true);
        assertThat(jdbc.queryForObject("select count(*) from participation_day where case_id = ?", Long.class,
                placement.caseId())).isEqualTo(2);
    }

    /**
     * The mail server refused the family's two signing e-mails to its one address (the student's and the
     * parent's), and the outbox gives both up at the same moment: one counselor task for the address, naming both.
     */
    void signingEmailsGivenUpTogether() throws Exception {
        FixedEngineClock.setClock(FixedEngineClock.DECEMBER_FIRST.withMonth(9));
        RequestBuilder request = students.requestForNewStudentLike("S100003");
        Long caseId = intake.receive(request.build());
        tasks.complete(taskOf(caseId, "draftAgreement"),
                DraftFormVariables.complete(request.start, request.end, "teacher3"));
        // the student's link and the parent's, which go to the family's address
        List<Long> links = jdbc.queryForList("""
                select l.id from signing_link l join agreement_version v on v.id = l.agreement_version_id
                  join written_agreement a on a.id = v.agreement_id
                 where a.case_id = ? and l.email = (select s.email from signing_link s
                       where s.agreement_version_id = l.agreement_version_id and s.signer_role = 'STUDENT')""",
                Long.class, caseId);
        assertThat(links).hasSize(2);
        // nine tries refused already (no mail server listens here): the jobs standing by make the last ones
        jdbc.update("update mail_outbox set attempts = 9, reported_attempt = 9 where purpose = 'signing-link' "
                + "and reference in (?, ?)", links.get(0).toString(), links.get(1).toString());
        List<Callable<Void>> lastTries = jdbc.queryForList("select job_id from mail_outbox where purpose = "
                + "'signing-link' and reference in (?, ?)", String.class, links.get(0).toString(),
                links.get(1).toString()).stream().map(job -> (Callable<Void>) () -> {
                    management.executeJob(job);
                    return null;
                }).toList();
        assertThat(lastTries).hasSize(2);

        AtTheSameMoment.run(lastTries);

        List<org.camunda.bpm.engine.task.Task> reach = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId.toString()).taskDefinitionKey("reachFamilyWithoutEmail").list();
        assertThat(reach).hasSize(1);
        assertThat(((String) tasks.getVariable(reach.get(0).getId(), "undeliveredSigner")).split("\n"))
                .hasSize(2).anySatisfy(s -> assertThat(s).endsWith(" (student)"))
                .anySatisfy(s -> assertThat(s).endsWith(" (parent, guardian or caregiver)"));
        assertThat(stepsOf(caseId)).filteredOn("signingLinkUndelivered"::equals).hasSize(2);
    }

    /** The agreement drafted, signed by everyone and activated, as the case process has it (phase ACTIVE). */
    private void activate(Long caseId, RequestBuilder request) {
        String drafting = taskOf(caseId, "draftAgreement");
        tasks.complete(drafting, DraftFormVariables.complete(request.start, request.end, "teacher3"));
        Long versionId = jdbc.queryForObject("select max(v.id) from agreement_version v join written_agreement a"
                + " on a.id = v.agreement_id where a.case_id = ?", Long.class, caseId);
        for (RequiredSigner signer : signatures.unsignedSigners(versionId, request.start)) {
            if (signer.role().isFamily()) {
                signatures.sign(versionId, signer.role(), signer.identity(), SignatureMethod.EMAIL_LINK);
            }
        }
        identity.setAuthentication("teacher3", TasklistUser.groupsOf(identity, "teacher3"));
        try {
            tasks.complete(taskOf(caseId, "signAsTeacher"));
        } finally {
            identity.clearAuthentication();
        }
        management.createJobQuery().executable().list().forEach(job -> management.executeJob(job.getId()));
        assertThat(caseRecord.get(caseId).getPhase().name()).isEqualTo("ACTIVE");
    }

    private String taskOf(Long caseId, String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString()).taskDefinitionKey(step)
                .singleResult().getId();
    }

    private List<String> stepsOf(Long caseId) {
        return caseRecord.timelineOf(caseId).stream().map(TimelineEntry::getStep).toList();
    }
}
