package org.independentstudy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.independentstudy.participation.AssignmentEntry;
import org.independentstudy.participation.Assignments;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecording;
import org.independentstudy.participation.ParticipationStatus;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auditor's reports (REC-03..06 and the monthly site summary), as CSV and PDF, and who may run them. */
@IntegrationTest
@SuppressWarnings({"unchecked", "rawtypes"})
class AuditReportsTest {

    private static final String RANGE = "?from=2027-01-11&to=2027-03-26";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    Assignments assignments;
    @Autowired
    AuditReports reports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("REC-04 the teacher ratio, hand-computed: 1,000 register days over 170 school days is an ADA of 5.88; with 0.25 FTE, 23.53 per FTE; 3,000 over 150 with 0.8 FTE, 25.00")
    void teacherRatioByHand() {
        assertThat(TeacherRatio.ada(new BigDecimal("1000"), 170)).isEqualByComparingTo("5.88");
        assertThat(TeacherRatio.perFte(new BigDecimal("1000"), 170, new BigDecimal("0.25"))).isEqualByComparingTo("23.53");
        assertThat(TeacherRatio.perFte(new BigDecimal("3000"), 150, new BigDecimal("0.80"))).isEqualByComparingTo("25.00");
        assertThat(TeacherRatio.perFte(new BigDecimal("3000"), 150, null)).isNull();
    }

    @Test
    @DisplayName("REC-04 the teacher ratio report of a school, by hand: 1.75 register days by P-2 (2027-04-15) over the 142 school days since 2026-08-13 at 0.05 FTE is 0.25 ADA per FTE, within the other programs' 24.50")
    void teacherRatioReportByHand() {
        ActivePlacement first = activePlacements.traditional("S100011", "teacher");
        ActivePlacement second = activePlacements.traditional("S100011", "teacher");
        Long school = jdbc.queryForObject("select id from school where code = 'RATIO'", Long.class);
        for (ActivePlacement placement : List.of(first, second)) {
            jdbc.update("update student set school_id = ? where id = ?", school, placement.student().getId());
            jdbc.update("update is_case set school_id = ? where id = ?", school, placement.caseId());
            jdbc.update("update supervision set school_id = ? where case_id = ?", school, placement.caseId());
        }
        recording.record("teacher", List.of(
                new ParticipationEntry(first.caseId(), LocalDate.of(2027, 1, 11), ParticipationStatus.PARTICIPATORY,
                        null, 240, 240, List.of()),
                new ParticipationEntry(first.caseId(), LocalDate.of(2027, 1, 12), ParticipationStatus.PARTICIPATORY,
                        null, 240, 120, List.of()),
                new ParticipationEntry(second.caseId(), LocalDate.of(2027, 1, 11), ParticipationStatus.PARTICIPATORY,
                        null, 240, 60, List.of())));
        jdbc.update("merge into teacher_fte (school_year, teacher_username, fte) key (school_year, teacher_username) "
                + "values ('2026-27', 'teacher', 0.05)");
        jdbc.update("merge into district_ratio (school_year, other_programs_ratio) key (school_year) values ('2026-27', 24.5)");

        List<Object> row = reports.teacherRatio(new AuditReports.Scope(LocalDate.of(2026, 8, 13),
                LocalDate.of(2027, 6, 10), school)).rows().get(0);

        // 1 + 0.5 + 0.25 register days; 142 school days; 1.75 / 142 = 0.0123 ADA; / 0.05 FTE = 0.246 -> 0.25
        assertThat(row.subList(0, 3)).containsExactly("2026-27", LocalDate.of(2027, 4, 15), 142);
        assertThat((BigDecimal) row.get(3)).isEqualByComparingTo("1.75");
        assertThat((BigDecimal) row.get(4)).isEqualByComparingTo("0.01");
        assertThat((BigDecimal) row.get(5)).isEqualByComparingTo("0.05");
        assertThat((BigDecimal) row.get(6)).isEqualByComparingTo("0.25");
        assertThat(row.get(8)).isEqualTo("true");
    }

    @Test
    @DisplayName("REC-03 the register and daily participation per student as CSV and as PDF (its text asserted); the export is recorded with the students it holds")
    void registerReport() throws Exception {
        ActivePlacement placement = placementWithDays();
        String number = placement.student().getStudentNumber();

        ResponseEntity<byte[]> csv = as(rest, "principal").getForEntity("/api/reports/register.csv" + RANGE, byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8))
                .contains(number + "," + placement.student().getLastName())
                .contains("2027-01-11,PARTICIPATORY,,45,0,240,0.1875,teacher")
                .contains("2027-01-12,NONPARTICIPATORY,Sick,0,0,240,0.0000,teacher");
        ResponseEntity<byte[]> pdf = as(rest, "principal").getForEntity("/api/reports/register.pdf" + RANGE, byte[].class);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("REC-03 Attendance register").contains(number);
        }
        List<Map<String, Object>> disclosed = as(rest, "admin").getForObject("/api/students/" + number
                + "/disclosures", List.class);
        assertThat(disclosed).extracting(d -> d.get("export")).contains("REPORT register.csv", "REPORT register.pdf");
    }

    @Test
    @DisplayName("REC-01 REC-02 the students who participated by school, grade and program, and the agreements file with each version's fingerprint")
    void participantsAndAgreementsFile() {
        ActivePlacement placement = placementWithDays();
        AuditReports.Scope scope = new AuditReports.Scope(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 3, 26), null);

        assertThat(reports.participants(scope).rows()).anySatisfy(r -> {
            assertThat(r.subList(1, 3)).containsExactly("9", "TRADITIONAL");
            assertThat((Integer) r.get(3)).isPositive();
        });
        assertThat(reports.participants(scope).students()).contains(placement.student().getId());
        assertThat(reports.agreementsFile(scope).rows()).filteredOn(r -> r.get(3).equals(placement.caseId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.get(5)).isEqualTo("FULLY_SIGNED");
                    assertThat((String) r.get(7)).hasSize(64);
                });
    }

    @Test
    @DisplayName("REC-01 credits awarded: the course's teacher awards them (201), a correction is a new award and the latest counts; another teacher or a negative number is a 400 naming the field, analysts get 403")
    void creditsAwarded() {
        ActivePlacement placement = placementWithDays();
        Long school = jdbc.queryForObject("select id from school where code = 'CREDITS'", Long.class);
        jdbc.update("update is_case set school_id = ? where id = ?", school, placement.caseId());
        // a course-based placement as its agreement's activation records it: one class per course (AGR-04)
        jdbc.update("update enrollment set program = 'COURSE_BASED' where case_id = ?", placement.caseId());
        jdbc.update("update supervision set class_name = 'Algebra 1' where case_id = ?", placement.caseId());
        String url = "/api/cases/" + placement.caseId() + "/course-credits";

        assertThat(as(rest, "teacher").postForEntity(url, Map.of("course", "Algebra 1", "creditsAwarded", 5,
                "grade", "B"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as(rest, "teacher").postForEntity(url, Map.of("course", "Algebra 1", "creditsAwarded", 4,
                "grade", "C+"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, String>) as(rest, "teacher2").postForEntity(url, Map.of("course", "Algebra 1",
                "creditsAwarded", 5), Map.class).getBody().get("errors")).containsKey("course");
        assertThat((Map<String, String>) as(rest, "teacher").postForEntity(url, Map.of("course", "Algebra 1",
                "creditsAwarded", -1), Map.class).getBody().get("errors")).containsKey("creditsAwarded");
        assertThat(as(rest, "analyst").postForEntity(url, Map.of("course", "Algebra 1", "creditsAwarded", 5),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(reports.participants(new AuditReports.Scope(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 3, 26),
                school)).rows()).singleElement().satisfies(r -> {
                    assertThat(r.subList(0, 4)).containsExactly("Credits Test Academy", "9", "COURSE_BASED", 1);
                    assertThat((BigDecimal) r.get(8)).isEqualByComparingTo("4");
                });
    }

    @Test
    @DisplayName("REC-01 course credits attempted are the sum of the courses' credits in the signed agreement; non-numeric credits count nothing")
    void courseCredits() {
        assertThat(CourseCredits.of("{\"courses\":[{\"credits\":\"5\"},{\"credits\":\"2.5\"},{\"credits\":\"n/a\"}]}"))
                .isEqualByComparingTo("7.5");
        assertThat(CourseCredits.of("{\"program\":\"TRADITIONAL\"}")).isEqualByComparingTo("0");
        assertThat(CourseCredits.of(null)).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("REC-05 REC-06 supervision by credentialed staff and the grade book per class list the placement, its teacher's credential and its assignments")
    void supervisionAndGradeBook() {
        ActivePlacement placement = placementWithDays();
        FixedEngineClock.setClock(ZonedDateTime.of(2027, 1, 20, 15, 0, 0, 0, FixedEngineClock.DISTRICT));
        assignments.record("teacher", List.of(new AssignmentEntry(null, placement.caseId(), "Essay: The Odyssey",
                LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 14), 120, LocalDate.of(2027, 1, 13), 100,
                "Good structure; cite the text")));
        AuditReports.Scope scope = new AuditReports.Scope(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 3, 26), null);

        assertThat(reports.supervision(scope).rows()).filteredOn(r -> r.get(0).equals(placement.student().getStudentNumber()))
                .singleElement().satisfies(r -> assertThat(r).contains("Independent study", "credentialed"));
        assertThat(reports.gradeBook(scope).rows()).filteredOn(r -> r.get(2).equals(placement.student().getStudentNumber()))
                .singleElement().satisfies(r -> assertThat(r).contains("teacher", "Essay: The Odyssey", 100,
                        "Good structure; cite the text"));
    }

    @Test
    @DisplayName("REC-03 REC-04 the monthly site summary reconciles: its school months add up to the register, and P-2 to the teacher ratio's register days")
    void siteSummaryReconciles() {
        placementWithDays();
        jdbc.update("merge into teacher_fte (school_year, teacher_username, fte) key (school_year, teacher_username) "
                + "values ('2026-27', 'teacher', 0.5)");
        jdbc.update("merge into district_ratio (school_year, other_programs_ratio) key (school_year) values ('2026-27', 24.5)");
        AuditReports.Scope year = new AuditReports.Scope(LocalDate.of(2026, 8, 13), LocalDate.of(2027, 6, 10), null);

        BigDecimal register = reports.register(year).rows().stream().map(r -> (BigDecimal) r.get(11))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<List<Object>> summary = reports.siteSummary(year).rows();
        BigDecimal months = summary.stream().filter(r -> r.get(1) instanceof Integer).map(r -> (BigDecimal) r.get(5))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Object> ratio = reports.teacherRatio(year).rows().get(0);

        assertThat(months).isEqualByComparingTo(register);
        assertThat(summary.get(summary.size() - 2).get(0)).isEqualTo("P-1 (through 2026-12-31)");
        assertThat(summary.get(summary.size() - 1).get(0)).isEqualTo("P-2 (through 2027-04-15)");
        assertThat((BigDecimal) summary.get(summary.size() - 1).get(5)).isEqualByComparingTo((BigDecimal) ratio.get(3));
        assertThat(ratio.get(6)).isEqualTo(TeacherRatio.perFte((BigDecimal) ratio.get(3), (Integer) ratio.get(2),
                (BigDecimal) ratio.get(5)));
        assertThat(ratio.get(7)).isEqualTo(new BigDecimal("24.50"));
    }

    @Test
    @DisplayName("REC-03 who may run reports: analysts, counselors and teachers get 403; a principal asking for another school, or a reversed range, a 400; an unknown report 404")
    void whoMayRunReports() {
        for (String user : List.of("analyst", "counselor", "teacher")) {
            assertThat(as(rest, user).getForEntity("/api/reports/register.csv" + RANGE, String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as(rest, "principal").getForEntity("/api/reports/register.csv" + RANGE + "&school=999999",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(rest, "principal").getForEntity("/api/reports/register.csv?from=2027-03-26&to=2027-01-11",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(rest, "admin").getForEntity("/api/reports/payroll.csv" + RANGE, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @org.junit.jupiter.api.BeforeEach
    void schoolsOfTheirOwn() {
        jdbc.update("merge into school (code, name, lowest_grade, highest_grade) key (code) "
                + "values ('RATIO', 'Ratio Test Academy', '9', '12')");
        jdbc.update("merge into school (code, name, lowest_grade, highest_grade) key (code) "
                + "values ('CREDITS', 'Credits Test Academy', '9', '12')");
    }

    private ActivePlacement placementWithDays() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        recording.record("teacher", List.of(
                new ParticipationEntry(placement.caseId(), LocalDate.of(2027, 1, 11), ParticipationStatus.PARTICIPATORY,
                        null, 60, 45, List.of()),
                new ParticipationEntry(placement.caseId(), LocalDate.of(2027, 1, 12),
                        ParticipationStatus.NONPARTICIPATORY, "Sick", 0, 0, List.of())));
        return placement;
    }
}
