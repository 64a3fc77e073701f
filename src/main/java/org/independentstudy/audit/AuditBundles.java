package org.independentstudy.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.independentstudy.agreement.AgreementDocument;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.participation.AttendanceRegister;
import org.independentstudy.records.Sha256;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * REC-01..07, ATT-08: what a district hands its auditor for one student: one zip with every case's agreement
 * versions (PDF) and signatures, participation record and attendance register, work samples with their notations,
 * evaluations and notices with their delivery, re-engagement steps, timeline, and the district policy and calendar
 * in force; an index page, and a manifest of SHA-256 sums ({@code sha256sum -c manifest-sha256.txt}) so an auditor
 * can check that nothing changed after the download.
 */
@Service
@Transactional(readOnly = true)
public class AuditBundles {

    /** The manifest's name; it lists every other file of the bundle. */
    public static final String MANIFEST = "manifest-sha256.txt";

    private final NamedParameterJdbcTemplate jdbc;
    private final AgreementDocument agreements;
    private final AttendanceRegister register;
    private final Clock clock;

    AuditBundles(NamedParameterJdbcTemplate jdbc, AgreementDocument agreements, AttendanceRegister register,
                 Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.register = register;
        this.clock = clock;
    }

    /** The student's id and school, for the caller's access check; 404 when there is no such student. */
    public StudentRef student(String studentNumber) {
        return jdbc.query("select id, school_id, student_number from student where student_number = :number",
                new MapSqlParameterSource("number", studentNumber), (rs, row) -> new StudentRef(rs.getLong("id"),
                        rs.getLong("school_id"), rs.getString("student_number"))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No student " + studentNumber));
    }

    public record StudentRef(Long id, Long schoolId, String number) {
    }

    /** The bundle as zip bytes. */
    public byte[] bundle(StudentRef student) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        MapSqlParameterSource byStudent = new MapSqlParameterSource("student", student.id());
        put(files, descriptions, "student.csv", "The student and the parents or guardians on record", csv("""
                select s.student_number, s.first_name, s.last_name, s.birth_date, s.grade, sc.name as school,
                       s.home_language, s.has_iep, s.has_504_plan, s.english_learner, s.foster_youth, s.homeless
                  from student s join school sc on sc.id = s.school_id where s.id = :student""", byStudent));
        put(files, descriptions, "guardians.csv", "Parents and guardians with their contacts, and every change (REE-05)",
                csv("""
                        select g.full_name, g.relationship, g.email, g.phone, c.email_before, c.phone_before,
                               c.changed_by, c.changed_at
                          from guardian g left join guardian_contact_change c on c.guardian_id = g.id
                         where g.student_id = :student order by g.id, c.id""", byStudent));
        List<Long> cases = jdbc.queryForList("select id from is_case where student_id = :student order by id",
                byStudent, Long.class);
        for (Long caseId : cases) {
            caseFiles(caseId, files, descriptions);
        }
        files.put("index.html", index(student, descriptions, files).getBytes(StandardCharsets.UTF_8));
        descriptions.put("index.html", "This page");
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, bytes) -> manifest.append(Sha256.hex(bytes)).append("  ").append(name).append('\n'));
        files.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        return zip(files);
    }

    private void caseFiles(Long caseId, Map<String, byte[]> files, Map<String, String> descriptions) {
        String dir = "case-" + caseId + "/";
        MapSqlParameterSource byCase = new MapSqlParameterSource("caseId", caseId);
        put(files, descriptions, dir + "case.csv", "The case, its request and every decision on it (ENR)", csv("""
                select c.id as case_id, sc.name as school, c.phase, c.opened_at, c.opened_by, c.closed_at,
                       c.closing_reason, e.*
                  from is_case c join school sc on sc.id = c.school_id
                  left join enrollment e on e.case_id = c.id where c.id = :caseId""", byCase));
        List<Map<String, Object>> versions = jdbc.queryForList("""
                select v.id, v.version_number from agreement_version v join written_agreement a
                    on a.id = v.agreement_id where a.case_id = :caseId order by v.version_number""", byCase);
        for (Map<String, Object> version : versions) {
            put(files, descriptions, dir + "agreement-v" + version.get("version_number") + ".pdf",
                    "The written agreement, version " + version.get("version_number") + " (AGR-01..12)",
                    agreements.renderPdf(((Number) version.get("id")).longValue()));
        }
        put(files, descriptions, dir + "signatures.csv",
                "Every signature: signer, role, method, time and the SHA-256 fingerprint of the version signed (AGR-06, AGR-08)",
                csv("""
                        select v.version_number, s.signer_role, s.signer_name, s.signer_identity, s.method,
                               s.signed_at, s.content_sha256
                          from agreement_signature s join agreement_version v on v.id = s.agreement_version_id
                          join written_agreement a on a.id = v.agreement_id
                         where a.case_id = :caseId order by v.version_number, s.signed_at""", byCase));
        put(files, descriptions, dir + "participation.csv", "The daily participation record (ATT-01, REC-03)", csv("""
                select d.school_day, d.status, d.nonparticipatory_reason, d.synchronous_offered_minutes,
                       d.synchronous_attended_minutes, d.recorded_by, d.recorded_at
                  from participation_day d where d.case_id = :caseId order by d.school_day""", byCase));
        CsvTable days = new CsvTable(List.of("school_day", "synchronous_minutes", "credited_work_minutes",
                "minimum_day_minutes", "register_value"));
        register.daysOf(caseId).forEach(d -> days.add(List.of(d.day(), d.synchronousMinutes(), d.workMinutes(),
                d.minimumDayMinutes(), d.value())));
        put(files, descriptions, dir + "register.csv", "The attendance register, day by day (ATT-03, REC-03)", days.bytes());
        put(files, descriptions, dir + "assignments.csv", "Assignments, their time value and the teacher's evaluation (ATT-05)",
                csv("""
                        select title, teacher_username, assigned_on, due_on, time_value_minutes, approval_required,
                               approved_by, approved_at, completed_on, credited_minutes, evaluation, evaluated_by
                          from assignment where case_id = :caseId order by assigned_on, id""", byCase));
        List<Map<String, Object>> samples = jdbc.queryForList("""
                select id, file_name, media_type, size_bytes, sha256, notation, teacher_username, uploaded_at
                  from work_sample where case_id = :caseId order by id""", byCase);
        put(files, descriptions, dir + "work-samples.csv", "Work samples with the teacher's notation (ATT-09)",
                CsvTable.of(List.of("id", "file_name", "media_type", "size_bytes", "sha256", "notation", "teacher",
                        "uploaded_at"), samples).bytes());
        for (Map<String, Object> sample : samples) {
            byte[] content = jdbc.queryForObject("select content from work_sample where id = :id",
                    new MapSqlParameterSource("id", sample.get("id")), byte[].class);
            put(files, descriptions, dir + "work-samples/" + sample.get("id") + "-" + safe((String) sample.get("file_name")),
                    "Work sample " + sample.get("id"), content);
        }
        put(files, descriptions, dir + "evaluations.csv", "Monthly and formal evaluations with their outcome (ATT-06..08)",
                csv("select * from progress_evaluation where case_id = :caseId order by month_first_day", byCase));
        put(files, descriptions, dir + "course-credits.csv", "Course credits awarded, corrections included (REC-01)",
                csv("select course_name, credits_awarded, grade, awarded_by, awarded_at from course_credit_award "
                        + "where case_id = :caseId order by id", byCase));
        put(files, descriptions, dir + "evaluation-notices.csv", "Notices of formal evaluations and their delivery (ATT-07)",
                csv("""
                        select n.evaluation_id, n.recipient_name, n.recipient_role, n.email, n.channel, n.status,
                               n.recorded_at, n.failure
                          from evaluation_notice n join progress_evaluation e on e.id = n.evaluation_id
                         where e.case_id = :caseId order by n.id""", byCase));
        put(files, descriptions, dir + "parent-notices.csv",
                "Notices of nonparticipation and every delivery attempt: sent, failed, retried, printed (REE-06)", csv("""
                        select n.id as notice_id, n.recorded_on, n.language, n.due_at, n.status as notice_status,
                               d.recipient_name, d.email, d.channel, d.status, d.attempt, d.recorded_at, d.recorded_by
                          from parent_notice n left join parent_notice_delivery d on d.notice_id = n.id
                         where n.case_id = :caseId order by n.id, d.id""", byCase));
        put(files, descriptions, dir + "reengagement.csv",
                "Re-engagements: triggers, tier, the principal's decision (REE-01..10)", csv("""
                        select r.id as reengagement_id, r.opened_on, r.tier, r.outcome, r.decided_by, r.decided_at,
                               r.decision_notes, r.ended_at, t.rule_id, t.source_key, t.found_on, t.measured,
                               t.required, t.withdrawn_at, t.withdrawn_because
                          from reengagement r left join reengagement_trigger t on t.reengagement_id = r.id
                         where r.case_id = :caseId order by r.id, t.id""", byCase));
        put(files, descriptions, dir + "referrals.csv", "Outreach referrals with who and when (REE-07)", csv("""
                select f.reengagement_id, f.service, f.provider, f.notes, f.referred_by, f.referred_on
                  from reengagement_referral f join reengagement r on r.id = f.reengagement_id
                 where r.case_id = :caseId order by f.id""", byCase));
        put(files, descriptions, dir + "timeline.csv",
                "The case timeline: every step with who, when, the rule and the policy (REC-07)", csv("""
                        select recorded_at, actor, step, rule_id, policy_code, description
                          from case_timeline_entry where case_id = :caseId order by id""", byCase));
        put(files, descriptions, dir + "policy.csv", "The district policy version the case was decided under", csv("""
                select p.* from district_policy p join enrollment e on e.policy_code = p.code
                 where e.case_id = :caseId""", byCase));
        put(files, descriptions, dir + "calendar.csv",
                "The school calendar in force: its source and non-instructional days (CAL-01)", csv("""
                        select y.school_year, y.first_day, y.last_day, y.source, y.imported_at, y.imported_by,
                               n.calendar_date, n.kind, n.description
                          from school_year_calendar y
                          join enrollment e on e.requested_start between y.first_day and y.last_day
                            or e.projected_end between y.first_day and y.last_day
                          left join non_instructional_day n on n.calendar_id = y.id
                         where e.case_id = :caseId order by y.school_year, n.calendar_date""", byCase));
    }

    private byte[] csv(String sql, MapSqlParameterSource parameters) {
        List<String> header = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query(sql, parameters, rs -> {
            var meta = rs.getMetaData();
            if (header.isEmpty()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    header.add(meta.getColumnLabel(i).toLowerCase());
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(String.valueOf(i), rs.getObject(i));
            }
            rows.add(row);
        });
        return CsvTable.of(header, rows).bytes();
    }

    private String index(StudentRef student, Map<String, String> descriptions, Map<String, byte[]> files) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"/><title>Audit bundle</title>
                <style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}code{font-size:9pt}</style>
                </head><body>""");
        html.append("<h1>Independent study records of student ").append(HtmlUtils.htmlEscape(student.number()))
                .append("</h1><p>Produced ").append(clock.instant()).append(". Every file's SHA-256 is listed in ")
                .append(MANIFEST).append(" (check with <code>sha256sum -c ").append(MANIFEST)
                .append("</code>).</p><table><tr><th>File</th><th>What it holds</th><th>SHA-256</th></tr>");
        descriptions.forEach((name, what) -> html.append("<tr><td><a href=\"").append(HtmlUtils.htmlEscape(name))
                .append("\">").append(HtmlUtils.htmlEscape(name)).append("</a></td><td>").append(HtmlUtils.htmlEscape(what))
                .append("</td><td><code>").append(Sha256.hex(files.get(name))).append("</code></td></tr>"));
        return html.append("</table></body></html>").toString();
    }

    private static void put(Map<String, byte[]> files, Map<String, String> descriptions, String name, String what,
                            byte[] content) {
        files.put(name, content);
        descriptions.put(name, what);
    }

    private static void put(Map<String, byte[]> files, Map<String, String> descriptions, String name, String what,
                            String content) {
        put(files, descriptions, name, what, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String safe(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
