package org.independentstudy.reengagement;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.family.FamilyLanguage;
import org.independentstudy.family.FamilyMail;
import org.independentstudy.family.MailOutbox;
import org.independentstudy.family.MailOutcome;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecorded;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.CurrentActor;
import org.independentstudy.records.PdfDocuments;
import org.independentstudy.signing.FamilyReturnLinks;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REE-06: the parents are told of every nonparticipatory day of a long-term, non-exempt placement within one school
 * day of its recording, whether or not a trigger holds. The days recorded for a student on one day make one notice
 * (days recorded later that day join it until it goes out), one per parent, by e-mail through the mail outbox
 * (issue 13.4) or, with no address or once the outbox gave up on it, as a printed letter staff hand over. It is
 * written in the family's home language (issue 12.8, recorded with the notice). Every try is on record: sent,
 * failed, retried, to print, printed.
 */
@Service
@Transactional
public class ParentNotices {

    /** The mail outbox's purpose; a reference is the notice's id and its recipient ({@code 12/g34}, {@code 12/s}). */
    static final String MAIL_PURPOSE = "parent-notice";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What the notice's delivery left to do: wait for its e-mails, or nothing, or the letters to print. */
    public record Delivery(boolean mailQueued, boolean delivered, boolean lettersToPrint) {
    }

    private record Notice(Long id, Long caseId, Long studentId, LocalDate recordedOn, String language, Date dueAt,
                          String status, int attempts) {
    }

    private record Recipient(String name, Long guardianId, String email) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final ParentNoticeProcesses processes;
    private final FamilyReturnLinks returnLinks;
    private final ReengagementDeadlines deadlines;
    private final FamilyMail mail;
    private final MailOutbox outbox;
    private final DistrictProperties district;
    private final CaseRecord caseRecord;
    private final CurrentActor actor;
    private final Clock clock;

    ParentNotices(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, ParentNoticeProcesses processes,
                  ReengagementDeadlines deadlines, FamilyReturnLinks returnLinks, FamilyMail mail, MailOutbox outbox,
                  DistrictProperties district, CaseRecord caseRecord, CurrentActor actor, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.processes = processes;
        this.deadlines = deadlines;
        this.returnLinks = returnLinks;
        this.mail = mail;
        this.outbox = outbox;
        this.district = district;
        this.caseRecord = caseRecord;
        this.actor = actor;
        this.clock = clock;
    }

    /** REE-06: in the recording's transaction, each newly nonparticipatory day joins or opens its notice. */
    @EventListener
    public void onParticipationRecorded(ParticipationRecorded recorded) {
        Map<Long, List<ParticipationEntry>> byCase = new LinkedHashMap<>();
        recorded.newlyNonparticipatory().forEach(e -> byCase.computeIfAbsent(e.caseId(), id -> new ArrayList<>()).add(e));
        LocalDate today = today();
        byCase.forEach((caseId, days) -> {
            Map<String, Object> placement = jdbc.queryForList("""
                    select e.student_id, s.home_language,
                           case when e.long_term = true and coalesce(e.medical_exemption, false) = false
                                then e.long_term_from else null end as long_term_from, e.long_term
                      from enrollment e join student s on s.id = e.student_id where e.case_id = :caseId""",
                    new MapSqlParameterSource("caseId", caseId)).get(0);
            List<ParticipationEntry> owed = days.stream().filter(d -> owesNotice(placement, d.schoolDay())).toList();
            if (!owed.isEmpty()) {
                addDays(caseId, ((Number) placement.get("student_id")).longValue(),
                        String.valueOf(placement.get("home_language")), today, owed);
            }
        });
    }

    /** Long-term (from its long-term day) and not exempt (ENR-11): the REE rules apply to the day. */
    private static boolean owesNotice(Map<String, Object> placement, LocalDate day) {
        if (!Boolean.TRUE.equals(placement.get("long_term"))) {
            return false;
        }
        Object from = placement.get("long_term_from");
        if (from == null) {
            // long-term and exempt: the query left long_term_from out
            return false;
        }
        LocalDate longTermFrom = from instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) from;
        return !day.isBefore(longTermFrom);
    }

    private void addDays(Long caseId, Long studentId, String language, LocalDate today, List<ParticipationEntry> days) {
        Long noticeId = jdbc.queryForList("""
                select id from parent_notice where student_id = :student and recorded_on = :today
                   and status = 'PENDING' and attempts = 0""", new MapSqlParameterSource("student", studentId)
                .addValue("today", today), Long.class).stream().findFirst().orElse(null);
        if (noticeId == null) {
            Date dueAt = deadlines.noticeDueAt(today);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update("""
                    insert into parent_notice (case_id, student_id, recorded_on, language, due_at, status)
                    values (:caseId, :student, :today, :language, :due, 'PENDING')""",
                    new MapSqlParameterSource("caseId", caseId).addValue("student", studentId).addValue("today", today)
                            .addValue("language", FamilyLanguage.of(language).getLanguage())
                            .addValue("due", new Timestamp(dueAt.getTime())), key, new String[] {"id"});
            noticeId = Objects.requireNonNull(key.getKey()).longValue();
            processes.start(caseId, noticeId, deadlines.noticeSendAt(), dueAt);
        }
        for (ParticipationEntry day : days) {
            jdbc.update("""
                    insert into parent_notice_day (notice_id, school_day, reason)
                    select :id, :day, :reason where not exists (select 1 from parent_notice_day
                        where notice_id = :id and school_day = :day)""", new MapSqlParameterSource("id", noticeId)
                    .addValue("day", day.schoolDay()).addValue("reason", day.nonparticipatoryReason(), Types.VARCHAR));
        }
    }

    /**
     * The notice goes out: an e-mail to every parent with an address, queued in the mail outbox, whose outcome
     * comes back through {@link #onMailOutcome}; a letter to print for the others.
     */
    public Delivery deliver(Long noticeId) {
        Notice notice = notice(noticeId);
        // gone out: days recorded later open a notice of their own
        jdbc.update("update parent_notice set attempts = 1 where id = :id", new MapSqlParameterSource("id", noticeId));
        boolean queued = false;
        for (Recipient recipient : recipientsOf(notice)) {
            if (recipient.email() == null) {
                record(noticeId, recipient, "LETTER", "TO_PRINT", 1, "no e-mail address on record");
            } else {
                queue(notice, recipient);
                queued = true;
            }
        }
        return queued ? new Delivery(true, false, false) : settle(notice);
    }

    /**
     * What the mail server made of one e-mail of a notice, each try on record; once every e-mail of the notice is
     * taken or given up (then a letter to print), the record lists what was sent to whom and the process goes on.
     */
    @EventListener(condition = "#outcome.isFor('" + MAIL_PURPOSE + "')")
    public void onMailOutcome(MailOutcome outcome) {
        String[] reference = outcome.reference().split("/");
        Notice notice = notice(Long.valueOf(reference[0]));
        Recipient recipient = recipientsOf(notice).stream().filter(r -> keyOf(r).equals(reference[1])).findFirst()
                .orElse(new Recipient("(no longer on record)", null, outcome.recipient()));
        int attempt = outcome.attempt();
        switch (outcome.status()) {
            case SENT -> record(notice.id(), recipient, "EMAIL", attempt == 1 ? "SENT" : "RETRIED", attempt,
                    "delivered on try " + attempt);
            case REFUSED -> {
                record(notice.id(), recipient, "EMAIL", "FAILED", attempt, outcome.failure());
                caseRecord.append(notice.caseId(), CaseEvent.underRule("REE-06", "parentNoticeFailed",
                        "The mail server refused the notice of nonparticipation for " + recipient.name() + " (try "
                                + attempt + "); the mail outbox tries again at "
                                + TIME.format(outcome.nextTryAt().atZone(district.timeZone()))));
            }
            case GAVE_UP -> {
                record(notice.id(), recipient, "EMAIL", "FAILED", attempt, outcome.failure());
                record(notice.id(), recipient, "LETTER", "TO_PRINT", attempt, "e-mail refused " + attempt + " times");
            }
        }
        if (outcome.settled() && outbox.settled(MAIL_PURPOSE, notice.id() + "/")) {
            Delivery delivery = settle(notice);
            processes.mailSettled(notice.id(), delivery.delivered(), delivery.lettersToPrint());
        }
    }

    /** Every parent is e-mailed or has a letter waiting: the record says which. */
    private Delivery settle(Notice notice) {
        List<Map<String, Object>> deliveries = jdbc.queryForList("""
                select recipient_name, email, status, detail from parent_notice_delivery
                 where notice_id = :id and status in ('SENT', 'RETRIED', 'TO_PRINT') order by id""",
                new MapSqlParameterSource("id", notice.id()));
        List<String> sent = new ArrayList<>();
        List<String> toPrint = new ArrayList<>();
        for (Map<String, Object> delivery : deliveries) {
            if ("TO_PRINT".equals(delivery.get("status"))) {
                toPrint.add(delivery.get("recipient_name")
                        + (String.valueOf(delivery.get("detail")).startsWith("e-mail refused") ? " (e-mail refused)" : ""));
            } else {
                sent.add(delivery.get("recipient_name") + " <" + delivery.get("email") + ">");
            }
        }
        caseRecord.append(notice.caseId(), CaseEvent.underRule("REE-06", "parentNoticeSent",
                "Notice of nonparticipation on " + String.join(", ", days(notice.id())) + " (" + notice.language() + ")"
                        + (sent.isEmpty() ? "" : ": e-mailed to " + String.join(", ", sent))
                        + (toPrint.isEmpty() ? "" : "; printed letter to be handed over for " + String.join(", ", toPrint))));
        boolean lettersWaiting = !toPrint.isEmpty();
        if (!lettersWaiting) {
            status(notice.id(), "DELIVERED");
        }
        return new Delivery(false, !lettersWaiting, lettersWaiting);
    }

    /** Staff printed the letters and handed them over (to the post, or to the family). */
    public void lettersHandedOver(Long noticeId, String how) {
        Notice notice = notice(noticeId);
        List<String> names = jdbc.queryForList("""
                select d.recipient_name from parent_notice_delivery d where d.notice_id = :id and d.status = 'TO_PRINT'
                   and not exists (select 1 from parent_notice_delivery p where p.notice_id = d.notice_id
                       and p.recipient_name = d.recipient_name and p.status = 'PRINTED')""",
                new MapSqlParameterSource("id", noticeId), String.class);
        for (String name : names) {
            record(noticeId, new Recipient(name, null, null), "LETTER", "PRINTED", notice.attempts(), how);
        }
        status(noticeId, "DELIVERED");
        caseRecord.append(notice.caseId(), CaseEvent.underRule("REE-06", "parentNoticeHandedOver",
                "Printed notice of nonparticipation handed over for " + (names.isEmpty() ? "nobody left"
                        : String.join(", ", names)) + (how == null || how.isBlank() ? "" : " (" + how.strip() + ")")));
    }

    /** The deadline passed with the notice not handed over: the record says so and a counselor takes it. */
    public void overdue(Long noticeId) {
        Notice notice = notice(noticeId);
        status(noticeId, "OVERDUE");
        caseRecord.append(notice.caseId(), CaseEvent.underRule("REE-06", "parentNoticeOverdue",
                "The notice of nonparticipation on " + String.join(", ", days(noticeId))
                        + " was not handed over by the end of the next school day; a counselor must deliver it"));
    }

    /** The notice as a printable letter to one parent, or to every parent (guardianId null), in the family's language. */
    @Transactional(readOnly = true)
    public byte[] letterPdf(Long noticeId) {
        Notice notice = notice(noticeId);
        List<Recipient> recipients = recipientsOf(notice);
        String name = recipients.isEmpty() ? "" : recipients.get(0).name();
        return PdfDocuments.render(html(notice, name, null), "The parent notice");
    }

    @Transactional(readOnly = true)
    public Long caseOf(Long noticeId) {
        return notice(noticeId).caseId();
    }

    private void queue(Notice notice, Recipient recipient) {
        // TRN-01: each parent's own link to ask for the return to the classroom
        String returnLink = recipient.guardianId() == null ? null
                : returnLinks.urlFor(notice.caseId(), recipient.guardianId());
        mail.queue(MAIL_PURPOSE, notice.id() + "/" + keyOf(recipient), recipient.email(),
                html(notice, recipient.name(), returnLink));
    }

    /** A recipient within their notice: the guardian, or the student ("s"). */
    private static String keyOf(Recipient recipient) {
        return recipient.guardianId() == null ? "s" : "g" + recipient.guardianId();
    }

    private String html(Notice notice, String recipientName, String returnLink) {
        Map<String, Object> student = jdbc.queryForMap("""
                select s.first_name, s.last_name, sc.name as school from student s join school sc on sc.id = s.school_id
                 where s.id = :id""", new MapSqlParameterSource("id", notice.studentId()));
        Map<String, Object> model = new HashMap<>();
        model.put("district", district.name());
        model.put("firstName", student.get("first_name"));
        model.put("student", student.get("first_name") + " " + student.get("last_name"));
        model.put("school", student.get("school"));
        model.put("recipient", recipientName);
        model.put("returnLink", returnLink);
        model.put("today", today());
        model.put("days", jdbc.queryForList("select school_day from parent_notice_day where notice_id = :id "
                + "order by school_day", new MapSqlParameterSource("id", notice.id()), LocalDate.class));
        return mail.render("reengagement/parent-notice", FamilyLanguage.of(notice.language()), model);
    }

    private List<String> days(Long noticeId) {
        return jdbc.queryForList("select school_day from parent_notice_day where notice_id = :id order by school_day",
                new MapSqlParameterSource("id", noticeId), LocalDate.class).stream().map(LocalDate::toString).toList();
    }

    /** The parents (every guardian on record) while the student is a minor; an adult student is told directly. */
    private List<Recipient> recipientsOf(Notice notice) {
        Map<String, Object> student = jdbc.queryForMap("""
                select first_name, last_name, birth_date, email from student where id = :id""",
                new MapSqlParameterSource("id", notice.studentId()));
        LocalDate birth = ((java.sql.Date) student.get("birth_date")).toLocalDate();
        if (!birth.plusYears(18).isAfter(today())) {
            return List.of(new Recipient(student.get("first_name") + " " + student.get("last_name"), null,
                    blankToNull((String) student.get("email"))));
        }
        List<Recipient> parents = jdbc.query("select id, full_name, email from guardian where student_id = :id order by id",
                new MapSqlParameterSource("id", notice.studentId()), (rs, row) -> new Recipient(
                        rs.getString("full_name"), rs.getLong("id"), blankToNull(rs.getString("email"))));
        // nobody on record: a letter to the student's home address still reaches the family
        return parents.isEmpty() ? List.of(new Recipient("The parents of " + student.get("first_name") + " "
                + student.get("last_name"), null, null)) : parents;
    }

    private void record(Long noticeId, Recipient recipient, String channel, String status, int attempt, String detail) {
        jdbc.update("""
                insert into parent_notice_delivery (notice_id, recipient_name, guardian_id, email, channel, status,
                    attempt, recorded_at, recorded_by, detail)
                values (:id, :name, :guardian, :email, :channel, :status, :attempt, :now, :by, :detail)""",
                new MapSqlParameterSource("id", noticeId).addValue("name", recipient.name())
                        .addValue("guardian", recipient.guardianId(), Types.BIGINT)
                        .addValue("email", recipient.email(), Types.VARCHAR).addValue("channel", channel)
                        .addValue("status", status).addValue("attempt", attempt)
                        .addValue("now", Timestamp.from(clock.instant())).addValue("by", actor.username())
                        .addValue("detail", detail == null ? null : detail.substring(0, Math.min(500, detail.length())),
                                Types.VARCHAR));
    }

    private void status(Long noticeId, String status) {
        jdbc.update("update parent_notice set status = :status where id = :id",
                new MapSqlParameterSource("id", noticeId).addValue("status", status));
    }

    private Notice notice(Long noticeId) {
        return jdbc.query("select * from parent_notice where id = :id", new MapSqlParameterSource("id", noticeId),
                (rs, row) -> new Notice(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("student_id"),
                        rs.getObject("recorded_on", LocalDate.class), rs.getString("language"),
                        rs.getTimestamp("due_at"), rs.getString("status"), rs.getInt("attempts")))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("No parent notice " + noticeId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.districtZone()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
