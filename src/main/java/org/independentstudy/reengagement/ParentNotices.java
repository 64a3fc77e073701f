package org.independentstudy.reengagement;

import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.MailFailure;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.family.FamilyLanguage;
import org.independentstudy.family.FamilyMail;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecorded;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.CurrentActor;
import org.independentstudy.records.PdfDocuments;
import org.independentstudy.signing.FamilyReturnLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REE-06: the parents are told of every nonparticipatory day of a long-term, non-exempt placement within one school
 * day of its recording, whether or not a trigger holds. The days recorded for a student on one day make one notice
 * (days recorded later that day join it until it goes out), one per parent, by e-mail or, with no address or after
 * the mail server refused it three times, as a printed letter staff hand over. It is written in the family's home
 * language (issue 12.8, recorded with the notice). Every attempt is on record: sent, failed, retried, to print,
 * printed.
 */
@Service
@Transactional
public class ParentNotices {

    /** E-mail attempts before a refused address becomes a printed letter. */
    public static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(ParentNotices.class);

    /** What one delivery attempt left to do. */
    public record Delivery(boolean delivered, boolean retry, boolean lettersToPrint) {
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
    private final DistrictProperties district;
    private final CaseRecord caseRecord;
    private final CurrentActor actor;
    private final Clock clock;

    ParentNotices(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, ParentNoticeProcesses processes,
                  ReengagementDeadlines deadlines, FamilyReturnLinks returnLinks, FamilyMail mail,
                  DistrictProperties district, CaseRecord caseRecord, CurrentActor actor, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.processes = processes;
        this.deadlines = deadlines;
        this.returnLinks = returnLinks;
        this.mail = mail;
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
     * One delivery attempt: every parent not yet reached is e-mailed, or gets a letter to print when no address is on
     * record or the last attempt failed. The timeline lists what was sent, to whom, only once the server took it.
     */
    public Delivery deliver(Long noticeId) {
        Notice notice = notice(noticeId);
        int attempt = notice.attempts() + 1;
        jdbc.update("update parent_notice set attempts = :attempt where id = :id",
                new MapSqlParameterSource("id", noticeId).addValue("attempt", attempt));
        Set<String> done = Set.copyOf(jdbc.queryForList("""
                select recipient_name from parent_notice_delivery where notice_id = :id
                   and status in ('SENT', 'TO_PRINT', 'PRINTED')""", new MapSqlParameterSource("id", noticeId),
                String.class));
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> toPrint = new ArrayList<>();
        for (Recipient recipient : recipientsOf(notice)) {
            if (done.contains(recipient.name())) {
                continue;
            }
            if (recipient.email() == null) {
                record(noticeId, recipient, "LETTER", "TO_PRINT", attempt, "no e-mail address on record");
                toPrint.add(recipient.name());
                continue;
            }
            try {
                send(notice, recipient);
                record(noticeId, recipient, "EMAIL", attempt == 1 ? "SENT" : "RETRIED", attempt, "delivered on attempt " + attempt);
                sent.add(recipient.name() + " <" + recipient.email() + ">");
            } catch (MailException | MessagingException e) {
                log.warn("Parent notice {} not taken by the mail server (attempt {}): {}", noticeId, attempt,
                        MailFailure.forLog(e));
                record(noticeId, recipient, "EMAIL", "FAILED", attempt, String.valueOf(e.getMessage()));
                if (attempt >= ATTEMPTS) {
                    record(noticeId, recipient, "LETTER", "TO_PRINT", attempt, "e-mail refused " + attempt + " times");
                    toPrint.add(recipient.name() + " (e-mail refused)");
                } else {
                    failed.add(recipient.name());
                }
            }
        }
        if (!failed.isEmpty()) {
            caseRecord.append(notice.caseId(), CaseEvent.underRule("REE-06", "parentNoticeFailed",
                    "The mail server refused the notice of nonparticipation for " + String.join(", ", failed)
                            + " (attempt " + attempt + " of " + ATTEMPTS + "); it is tried again in 15 minutes"));
        }
        if (!sent.isEmpty() || !toPrint.isEmpty()) {
            caseRecord.append(notice.caseId(), CaseEvent.underRule("REE-06", "parentNoticeSent",
                    "Notice of nonparticipation on " + String.join(", ", days(noticeId)) + " ("
                            + notice.language() + ")" + (sent.isEmpty() ? "" : ": e-mailed to " + String.join(", ", sent))
                            + (toPrint.isEmpty() ? "" : "; printed letter to be handed over for "
                            + String.join(", ", toPrint))));
        }
        boolean lettersWaiting = !jdbc.queryForList("""
                select d.id from parent_notice_delivery d where d.notice_id = :id and d.status = 'TO_PRINT'
                   and not exists (select 1 from parent_notice_delivery p where p.notice_id = d.notice_id
                       and p.recipient_name = d.recipient_name and p.status = 'PRINTED')""",
                new MapSqlParameterSource("id", noticeId), Long.class).isEmpty();
        boolean delivered = failed.isEmpty() && !lettersWaiting;
        if (delivered) {
            status(noticeId, "DELIVERED");
        }
        return new Delivery(delivered, !failed.isEmpty(), failed.isEmpty() && lettersWaiting);
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

    private void send(Notice notice, Recipient recipient) throws MessagingException {
        // TRN-01: each parent's own link to ask for the return to the classroom
        String returnLink = recipient.guardianId() == null ? null
                : returnLinks.urlFor(notice.caseId(), recipient.guardianId());
        mail.send(recipient.email(), html(notice, recipient.name(), returnLink));
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
