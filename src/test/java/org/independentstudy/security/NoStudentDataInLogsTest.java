package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.signing.SigningMailbox;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 13.11: everything the application prints while a case runs its course (the server's log, as production
 * writes it at INFO) names no student or family member, nor their birth date, e-mail address or phone number.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoStudentDataInLogsTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    private static final Pattern SIGNING_LINK = Pattern.compile("Dear ([^,]+),[\\s\\S]*?/sign/(\\S+)");
    private static final LocalDate BIRTH_DATE = LocalDate.of(2016, 7, 23);
    private static final String FIRST_NAME = "Quenby";
    private static final String LAST_NAME = "Ashworth-Vale";
    private static final String PARENT = "Ottoline Marchbanks";
    private static final String EMAIL = "ottoline.marchbanks@family.example";
    private static final String PHONE = "(562) 555-0188";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents demoStudents;
    @Autowired
    GuardianRepository guardians;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    StudentRepository students;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    /** The test's own mail server, which production does not have, logs the mailboxes it creates. */
    private final Logger testMailServer = (Logger) LoggerFactory.getLogger("com.icegreen");
    private Level testLevel;

    /** Production's level (application.yml), not the tests' quieter one. */
    @BeforeEach
    void logAsProductionDoes() {
        testLevel = root.getLevel();
        root.setLevel(Level.INFO);
        testMailServer.setLevel(Level.WARN);
    }

    @AfterEach
    void restore() {
        root.setLevel(testLevel);
        testMailServer.setLevel(null);
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Issue 13.11 a family's request, the conference, the agreement drafted and signed, a participation day and refused requests log no student name, birth date, e-mail address or phone number")
    void aWholeCaseLogsNoStudentData(CapturedOutput output) {
        at("2026-09-01T16:00:00Z");
        Student student = familyOfOurOwn();
        Guardian parent = guardians.findByStudentIdOrderById(student.getId()).get(0);
        String sentinel = "log capture works " + UUID.randomUUID();
        LoggerFactory.getLogger("org.independentstudy").info(sentinel);

        // the family's request, taken by a counselor, with a conference asked for
        RequestBuilder request = RequestBuilder.forStudent(student.getStudentNumber(), parent.getId())
                .withConference(false);
        ResponseEntity<Map> created = as(rest, "counselor").postForEntity("/api/cases", request.build(), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseKey = String.valueOf(created.getBody().get("id"));
        assertThat(as(rest, "counselor").postForEntity("/api/cases", request.build(), Map.class).getStatusCode())
                .as("the same request again").isEqualTo(HttpStatus.CONFLICT);

        // the conference, scheduled through the engine's REST API (first by an unknown means: refused) and held
        String schedule = taskOf(caseKey, "schedulePreEnrollmentConference").getId();
        assertThat(submitForm(schedule, Map.of("conferenceModality", "CARRIER_PIGEON")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submitForm(schedule, Map.of("conferenceModality", "TELEPHONE", "conferenceDate", "2026-09-03",
                "conferenceAttendees", "Parent, student, counselor")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        at("2026-09-03T23:00:00Z");
        asCounselor(() -> tasks.complete(taskOf(caseKey, "recordPreEnrollmentConference").getId(), Map.of(
                "conferenceOutcome", "HELD", "conferenceHeldOn", "2026-09-03", "optionsCovered", true,
                "curriculumCovered", true, "supportsCovered", true)));

        // the agreement drafted and signed by the family through its links (a blank signature refused first)
        String draft = taskOf(caseKey, "draftAgreement").getId();
        asCounselor(() -> tasks.complete(draft, DraftFormVariables.complete(request.start, request.end,
                "teacher3")));
        Matcher links = SIGNING_LINK.matcher(String.join("\n", SigningMailbox.textsTo(mail, EMAIL)));
        int signed = 0;
        while (links.find()) {
            assertThat(familySigns(links.group(2), "  ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(familySigns(links.group(2), links.group(1)).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(familySigns(links.group(2), links.group(1)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            signed++;
        }
        assertThat(signed).as("the student's and the parent's links").isEqualTo(2);
        identity.setAuthentication("teacher3", TasklistUser.groupsOf(identity, "teacher3"));
        tasks.complete(taskOf(caseKey, "signAsTeacher").getId());
        identity.clearAuthentication();
        management.createJobQuery().executable().list().forEach(job -> management.executeJob(job.getId()));
        assertThat(as(rest, "counselor").getForObject("/api/cases/" + caseKey, Map.class))
                .containsEntry("phase", "ACTIVE");

        // a participation day, and one the placement does not have
        at("2026-09-15T16:00:00Z");
        assertThat(recordDay(caseKey, "2026-09-14").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recordDay(caseKey, "2026-12-14").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(rest, "counselor").getForEntity("/api/students/" + student.getStudentNumber(), String.class)
                .getBody()).as("the API itself shows the student").contains(FIRST_NAME);

        String printed = output.getAll();
        assertThat(printed).as("the capture sees the application's log").contains(sentinel);
        assertThat(printed).doesNotContain(FIRST_NAME, LAST_NAME, PARENT, "Marchbanks", EMAIL, "ottoline",
                PHONE, "555-0188", "5550188", BIRTH_DATE.toString(), "07/23/2016", "7/23/2016", "July 23, 2016");
    }

    /** A student and parent whose names, birth date, address and phone appear nowhere else in the district. */
    private Student familyOfOurOwn() {
        Student like = demoStudents.student("S100001");
        Student student = students.save(new Student("S9" + (System.nanoTime() % 100_000), FIRST_NAME, LAST_NAME,
                BIRTH_DATE, like.getGrade(), like.getAddress(), like.getSchoolId()));
        guardians.save(new Guardian(student.getId(), PARENT, Guardian.Relationship.PARENT, EMAIL, PHONE,
                like.getAddress()));
        return student;
    }

    private Task taskOf(String caseKey, String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey(step).singleResult();
    }

    private void asCounselor(Runnable work) {
        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private ResponseEntity<String> submitForm(String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(rest, "admin").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", variables), String.class, taskId);
    }

    private ResponseEntity<String> familySigns(String token, String fullName) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("fullName", fullName);
        form.add("consent", "true");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.postForEntity("/sign/" + token, new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> recordDay(String caseKey, String day) {
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(Map.of("caseId", Long.valueOf(caseKey), "schoolDay", day, "status", "PARTICIPATORY",
                "synchronousOfferedMinutes", 60, "synchronousAttendedMinutes", 60));
        return as(rest, "teacher3").postForEntity("/api/participation/days", Map.of("entries", entries),
                String.class);
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }
}
