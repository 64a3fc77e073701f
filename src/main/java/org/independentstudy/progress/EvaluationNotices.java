package org.independentstudy.progress;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.MailFailure;
import org.independentstudy.errors.NotFoundException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * ATT-07: the written notice that a formal evaluation will decide whether the student remains in independent
 * study: to the student, and to each parent or guardian while the student is under 18. E-mailed where an address
 * is on record; otherwise, or when the mail server refuses it, a printable letter (PDF) staff mail. The record
 * lists an e-mail as sent only once the server took it.
 */
@Service
public class EvaluationNotices {

    private static final Logger log = LoggerFactory.getLogger(EvaluationNotices.class);
    private static final String TEMPLATE = "progress/evaluation-notice";

    private final NamedParameterJdbcTemplate jdbc;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final StaffMemberRepository staff;
    private final JavaMailSender mail;
    private final FamilyReturnLinks returnLinks;
    private final ITemplateEngine templates;
    private final DistrictProperties district;
    private final CaseRecord caseRecord;
    private final Clock clock;
    private final String from;

    EvaluationNotices(NamedParameterJdbcTemplate jdbc, StudentRepository students, GuardianRepository guardians,
                      StaffMemberRepository staff, JavaMailSender mail, FamilyReturnLinks returnLinks,
                      ITemplateEngine templates, DistrictProperties district,
                      CaseRecord caseRecord, Clock clock, @Value("${isp.mail.from}") String from) {
        this.jdbc = jdbc;
        this.students = students;
        this.guardians = guardians;
        this.staff = staff;
        this.mail = mail;
        this.returnLinks = returnLinks;
        this.templates = templates;
        this.district = district;
        this.caseRecord = caseRecord;
        this.clock = clock;
        this.from = from;
    }

    private record Evaluation(Long id, Long caseId, Student student, LocalDate first, LocalDate last, String teacher) {
    }

    /** A recipient; guardianId is null for the student. */
    private record Recipient(String name, String role, String email, Long guardianId) {
    }

    /** Sends or queues the notice of the evaluation to every recipient; true when letters wait to be printed. */
    @Transactional
    public boolean notifyFamily(Long evaluationId) {
        Evaluation evaluation = evaluation(evaluationId);
        List<String> sent = new ArrayList<>();
        List<String> toPrint = new ArrayList<>();
        for (Recipient recipient : recipientsOf(evaluation)) {
            String status = "TO_PRINT";
            String failure = null;
            if (recipient.email() != null && !recipient.email().isBlank()) {
                try {
                    send(evaluation, recipient);
                    status = "SENT";
                } catch (MailException | MessagingException e) {
                    log.warn("Evaluation notice {} to the {} not taken by the mail server: {}", evaluationId,
                            recipient.role(), MailFailure.forLog(e));
                    failure = String.valueOf(e.getMessage());
                    record(evaluationId, recipient, "EMAIL", "FAILED", failure);
                }
            }
            if ("SENT".equals(status)) {
                record(evaluationId, recipient, "EMAIL", status, null);
                sent.add(recipient.name() + " <" + recipient.email() + ">");
            } else {
                record(evaluationId, recipient, "LETTER", status, failure);
                toPrint.add(recipient.name() + (failure == null ? "" : " (e-mail refused)"));
            }
        }
        caseRecord.append(evaluation.caseId(), CaseEvent.underRule("ATT-07", "evaluationNoticeSent",
                "Notice of the formal evaluation " + (sent.isEmpty() ? "e-mailed to nobody" : "e-mailed to "
                        + String.join(", ", sent)) + (toPrint.isEmpty() ? "" : "; printed letter to be mailed to "
                        + String.join(", ", toPrint))));
        return !toPrint.isEmpty();
    }

    /** The notice as a printable letter. */
    @Transactional(readOnly = true)
    public byte[] letterPdf(Long evaluationId) {
        return PdfDocuments.render(html(evaluation(evaluationId)), "The evaluation notice");
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

    private void send(Evaluation evaluation, Recipient recipient) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(recipient.email());
        helper.setSubject(district.name() + ": evaluation of " + evaluation.student().getFirstName()
                + "'s independent study");
        String returnLink = returnLinks.urlFor(evaluation.caseId(), recipient.guardianId());
        helper.setText(plainText(evaluation, recipient) + "\nIf you want " + evaluation.student().getFirstName()
                + " back in the classroom (in-person instruction), use your personal link: " + returnLink + "\n",
                html(evaluation).replace("</body>", "<p>If you want " + evaluation.student().getFirstName()
                        + " back in the classroom (in-person instruction), use <a href=\"" + returnLink
                        + "\">your personal link</a>.</p></body>"));
        mail.send(message);
    }

    private String plainText(Evaluation e, Recipient recipient) {
        return "Dear " + recipient.name() + ",\n\n" + e.student().fullName() + " has not made satisfactory educational "
                + "progress in independent study from " + e.first() + " to " + e.last() + ", or has missed the number "
                + "of assignments the district's policy sets. As the written agreement says, an evaluation will "
                + "now decide whether it is in the student's best interest to remain in independent study or to "
                + "return to in-person instruction. The supervising teacher (" + e.teacher() + ") will contact you; "
                + "you may ask for a conference.\n\n" + district.name() + "\n";
    }

    private String html(Evaluation e) {
        Context model = new Context(Locale.US);
        model.setVariable("district", district.name());
        model.setVariable("student", e.student().fullName());
        model.setVariable("first", e.first());
        model.setVariable("last", e.last());
        model.setVariable("teacher", e.teacher());
        model.setVariable("date", LocalDate.now(clock));
        return templates.process(TEMPLATE, model);
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
