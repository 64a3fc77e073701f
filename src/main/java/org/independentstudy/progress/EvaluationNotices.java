package org.independentstudy.progress;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.family.FamilyLanguage;
import org.independentstudy.family.FamilyMail;
import org.independentstudy.family.MailOutbox;
import org.independentstudy.family.MailOutcome;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.PdfDocuments;
import org.independentstudy.signing.FamilyReturnLinks;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATT-07: the written notice that a formal evaluation will decide whether the student remains in independent
 * study: to the student, and to each parent or guardian while the student is under 18. E-mailed through the mail
 * outbox (issue 13.4) where an address is on record; otherwise, or when the outbox gave up on it, a printable letter
 * (PDF) staff mail. The record lists an e-mail as sent only once the server took it. Written in the family's
 * language (issue 12.8).
 */
@Service
public class EvaluationNotices {

    /** The mail outbox's purpose; a reference is the evaluation's id and its recipient ({@code 12/g34}, {@code 12/s}). */
    static final String MAIL_PURPOSE = "evaluation-notice";
    private static final String TEMPLATE = "progress/evaluation-notice";

    /** What the notice left to do: wait for its e-mails' outcome, and (then, or now) letters to print. */
    public record Delivery(boolean mailQueued, boolean lettersToPrint) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final StaffMemberRepository staff;
    private final FamilyMail mail;
    private final MailOutbox outbox;
    private final EvaluationNoticeProcesses processes;
    private final FamilyLanguage languages;
    private final FamilyReturnLinks returnLinks;
    private final DistrictProperties district;
    private final CaseRecord caseRecord;
    private final Clock clock;

    EvaluationNotices(NamedParameterJdbcTemplate jdbc, StudentRepository students, GuardianRepository guardians,
                      StaffMemberRepository staff, FamilyMail mail, MailOutbox outbox,
                      EvaluationNoticeProcesses processes, FamilyLanguage languages,
                      FamilyReturnLinks returnLinks, DistrictProperties district, CaseRecord caseRecord, Clock clock) {
        this.jdbc = jdbc;
        this.students = students;
        this.guardians = guardians;
        this.staff = staff;
        this.mail = mail;
        this.outbox = outbox;
        this.processes = processes;
        this.languages = languages;
        this.returnLinks = returnLinks;
        this.district = district;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    private record Evaluation(Long id, Long caseId, Student student, LocalDate first, LocalDate last, String teacher) {
    }

    /** A recipient; guardianId is null for the student. */
    private record Recipient(String name, String role, String email, Long guardianId) {
    }

    /** Queues the notice's e-mail to every recipient with an address; a letter to print for the others. */
    @Transactional
    public Delivery notifyFamily(Long evaluationId) {
        Evaluation evaluation = evaluation(evaluationId);
        boolean queued = false;
        for (Recipient recipient : recipientsOf(evaluation)) {
            if (recipient.email() != null && !recipient.email().isBlank()) {
                // only a parent's e-mail carries their own return link (TRN-01)
                mail.queue(MAIL_PURPOSE, evaluationId + "/" + keyOf(recipient), recipient.email(),
                        html(evaluation, recipient.guardianId() == null ? null
                                : returnLinks.urlFor(evaluation.caseId(), recipient.guardianId())));
                queued = true;
            } else {
                record(evaluationId, recipient, "LETTER", "TO_PRINT", null);
            }
        }
        return queued ? new Delivery(true, false) : new Delivery(false, settle(evaluation));
    }

    /**
     * What the mail server made of one e-mail of a notice; a refusal on the last try makes it a letter to print.
     * Once every e-mail is taken or given up, the record lists what was sent to whom and the process goes on.
     */
    @EventListener(condition = "#outcome.isFor('" + MAIL_PURPOSE + "')")
    @Transactional
    public void onMailOutcome(MailOutcome outcome) {
        if (!outcome.settled()) {
            // the outbox tries again; only the last try's refusal changes the notice
            return;
        }
        String[] reference = outcome.reference().split("/");
        Evaluation evaluation = evaluation(Long.valueOf(reference[0]));
        Recipient recipient = recipientsOf(evaluation).stream().filter(r -> keyOf(r).equals(reference[1]))
                .findFirst().orElse(new Recipient("(no longer on record)", "PARENT", outcome.recipient(), null));
        if (outcome.sent()) {
            record(evaluation.id(), recipient, "EMAIL", "SENT", null);
        } else {
            record(evaluation.id(), recipient, "EMAIL", "FAILED", outcome.failure());
            record(evaluation.id(), recipient, "LETTER", "TO_PRINT", outcome.failure());
        }
        if (outbox.settled(MAIL_PURPOSE, evaluation.id() + "/")) {
            processes.mailSettled(evaluation.id(), settle(evaluation));
        }
    }

    /** Every recipient is e-mailed or has a letter waiting: the record says which; true when letters wait. */
    private boolean settle(Evaluation evaluation) {
        List<String> sent = new ArrayList<>();
        List<String> toPrint = new ArrayList<>();
        jdbc.query("""
                select recipient_name, email, status, failure from evaluation_notice
                 where evaluation_id = :id and status in ('SENT', 'TO_PRINT') order by id""",
                new MapSqlParameterSource("id", evaluation.id()), rs -> {
                    if ("SENT".equals(rs.getString("status"))) {
                        sent.add(rs.getString("recipient_name") + " <" + rs.getString("email") + ">");
                    } else {
                        toPrint.add(rs.getString("recipient_name")
                                + (rs.getString("failure") == null ? "" : " (e-mail refused)"));
                    }
                });
        caseRecord.append(evaluation.caseId(), CaseEvent.underRule("ATT-07", "evaluationNoticeSent",
                "Notice of the formal evaluation " + (sent.isEmpty() ? "e-mailed to nobody" : "e-mailed to "
                        + String.join(", ", sent)) + (toPrint.isEmpty() ? "" : "; printed letter to be mailed to "
                        + String.join(", ", toPrint))));
        return !toPrint.isEmpty();
    }

    /** The notice as a printable letter. */
    @Transactional(readOnly = true)
    public byte[] letterPdf(Long evaluationId) {
        return PdfDocuments.render(html(evaluation(evaluationId), null), "The evaluation notice");
    }

    private List<Recipient> recipientsOf(Evaluation evaluation) {
        Student student = evaluation.student();
        List<Recipient> recipients = new ArrayList<>();
        if (student.isAdultOn(LocalDate.now(clock))) {
            recipients.add(new Recipient(student.fullName(), "STUDENT", null, null));
            return recipients;
        }
        // under 18: the parents' notice is addressed to them and the student together
        for (Guardian guardian : guardians.findByStudentIdOrderById(student.getId())) {
            recipients.add(new Recipient(guardian.getFullName(), "PARENT", guardian.getEmail(), guardian.getId()));
        }
        if (recipients.isEmpty()) {
            recipients.add(new Recipient(student.fullName(), "STUDENT", null, null));
        }
        return recipients;
    }

    /** A recipient within their notice: the guardian, or the student ("s"). */
    private static String keyOf(Recipient recipient) {
        return recipient.guardianId() == null ? "s" : "g" + recipient.guardianId();
    }

    private String html(Evaluation e, String returnLink) {
        Map<String, Object> model = new HashMap<>();
        model.put("district", district.name());
        model.put("firstName", e.student().getFirstName());
        model.put("student", e.student().fullName());
        model.put("first", e.first());
        model.put("last", e.last());
        model.put("teacher", e.teacher());
        model.put("date", LocalDate.now(clock));
        model.put("returnLink", returnLink);
        return mail.render(TEMPLATE, languages.ofStudent(e.student().getId()), model);
    }


    private void record(Long evaluationId, Recipient recipient, String channel, String status, String failure) {
        jdbc.update("""
                insert into evaluation_notice (evaluation_id, recipient_name, recipient_role, email, channel, status,
                    recorded_at, failure)
                values (:id, :name, :role, :email, :channel, :status, :now, :failure)""",
                new MapSqlParameterSource("id", evaluationId).addValue("name", recipient.name())
                        .addValue("role", recipient.role()).addValue("email", recipient.email())
                        .addValue("channel", channel).addValue("status", status)
                        .addValue("now", Timestamp.from(clock.instant()))
                        .addValue("failure", failure == null ? null : failure.substring(0, Math.min(500, failure.length()))));
    }

    private Evaluation evaluation(Long evaluationId) {
        return jdbc.query("select * from progress_evaluation where id = :id", new MapSqlParameterSource("id",
                evaluationId), (rs, row) -> new Evaluation(rs.getLong("id"), rs.getLong("case_id"),
                students.findById(rs.getLong("student_id")).orElseThrow(),
                rs.getObject("month_first_day", LocalDate.class), rs.getObject("month_last_day", LocalDate.class),
                staff.findByUsername(rs.getString("teacher_username")).map(StaffMember::getFullName)
                        .orElse(rs.getString("teacher_username")))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No progress evaluation " + evaluationId));
    }
}
