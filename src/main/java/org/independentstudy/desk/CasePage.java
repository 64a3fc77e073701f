package org.independentstudy.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.independentstudy.agreement.FamilySignatureRecording;
import org.independentstudy.agreement.FamilySignatureRecording.AwaitedSigner;
import org.independentstudy.agreement.FamilySignatureRecording.SigningStatus;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.desk.process.WorkList;
import org.independentstudy.cases.CaseProgress;
import org.independentstudy.cases.CaseView;
import org.independentstudy.cases.CaseViews;
import org.independentstudy.errors.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything the case page shows, read once: the case as its API gives it, each deadline and open task with its
 * school-day countdown, every agreement version, the current version's signers, each link sent with its delivery,
 * and the open re-engagement's tier.
 */
@Component
public class CasePage {

    public record Deadline(String name, LocalDate due, SchoolDayCountdown countdown) {
    }

    public record OpenTask(String id, String name, String heldBy, LocalDate due, SchoolDayCountdown countdown) {
    }

    public record AgreementVersion(int number, String kind, String status, Instant createdAt, String createdBy,
                                   Instant sentAt, Instant fullySignedAt) {
    }

    /** A family link as it went out: to whom, when, and what the mail server said. */
    public record LinkSent(int version, String signerIdentity, String signer, String role, String email,
                           Instant issuedAt, String delivery, int attempts, Instant deliveredAt, Instant usedAt,
                           boolean superseded) {
    }

    public record Reengagement(String tier, LocalDate openedOn, Instant stepDue, SchoolDayCountdown countdown) {
    }

    public record Contents(CaseView view, List<Deadline> deadlines, List<OpenTask> openTasks,
                           List<AgreementVersion> versions, Optional<SigningStatus> signing, List<LinkSent> links,
                           Optional<Reengagement> reengagement) {

        public boolean hasAgreement() {
            return !versions.isEmpty();
        }

        /**
         * AGR-08: where a signer still to sign stands, as the mail server answered their latest link of the
         * version: e-mailed only once the server took it.
         */
        public String waitingFor(AwaitedSigner signer) {
            if (!signer.hasEmail()) {
                return "waiting: no e-mail, sign in person or on paper";
            }
            int version = signing.map(SigningStatus::versionNumber).orElse(0);
            return links.stream().filter(l -> l.version() == version && !l.superseded()
                            && l.signerIdentity().equals(signer.identity())).findFirst()
                    .map(l -> switch (l.delivery()) {
                        case "SENT" -> "waiting: link e-mailed";
                        case "FAILED" -> "waiting: link not delivered, the mail server refused it (" + l.attempts()
                                + (l.attempts() == 1 ? " try)" : " tries)");
                        default -> "waiting: link being e-mailed";
                    })
                    .orElse("waiting: no working link, sign in person or on paper");
        }
    }

    private final CaseViews views;
    private final FamilySignatureRecording signatures;
    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final WorkList work;

    CasePage(CaseViews views, FamilySignatureRecording signatures, NamedParameterJdbcTemplate jdbc,
             SchoolCalendar calendar, WorkList work) {
        this.views = views;
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.work = work;
    }

    public Contents of(Long caseId) {
        CaseView view = views.view(caseId);
        List<AgreementVersion> versions = versions(caseId);
        return new Contents(view,
                view.deadlines().stream().map(d -> new Deadline(d.name(), day(d.due()), countdown(d.due()))).toList(),
                view.openTasks().stream().map(this::openTask).toList(), versions,
                versions.isEmpty() ? Optional.empty() : signing(caseId), links(caseId), reengagement(caseId));
    }

    private OpenTask openTask(CaseProgress.OpenTask task) {
        String heldBy = task.assignee() != null ? task.assignee() : String.join(", ", task.candidateGroups());
        return new OpenTask(task.id(), task.name(), heldBy, day(task.due()), countdown(task.due()));
    }

    private Optional<SigningStatus> signing(Long caseId) {
        try {
            return Optional.of(signatures.statusOfCase(caseId));
        } catch (NotFoundException noVersionYet) {
            return Optional.empty();
        }
    }

    private List<AgreementVersion> versions(Long caseId) {
        return jdbc.query("""
                select v.version_number, a.kind, v.status, v.created_at, v.created_by, v.sent_at, v.fully_signed_at
                  from agreement_version v join written_agreement a on a.id = v.agreement_id
                 where a.case_id = :case order by v.created_at desc, v.version_number desc""",
                new MapSqlParameterSource("case", caseId), (rs, row) -> new AgreementVersion(
                        rs.getInt("version_number"), rs.getString("kind"), rs.getString("status"),
                        instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "sent_at"),
                        instant(rs, "fully_signed_at")));
    }

    private List<LinkSent> links(Long caseId) {
        return jdbc.query("""
                select v.version_number, l.signer_identity, l.signer_name, l.signer_role, l.email, l.issued_at,
                       l.delivery_status, l.delivery_attempts, l.delivered_at, l.used_at, l.superseded
                  from signing_link l join agreement_version v on v.id = l.agreement_version_id
                 where l.case_id = :case order by l.issued_at desc, l.id desc""",
                new MapSqlParameterSource("case", caseId), (rs, row) -> new LinkSent(rs.getInt("version_number"),
                        rs.getString("signer_identity"), rs.getString("signer_name"), rs.getString("signer_role"),
                        rs.getString("email"),
                        instant(rs, "issued_at"), rs.getString("delivery_status"), rs.getInt("delivery_attempts"),
                        instant(rs, "delivered_at"), instant(rs, "used_at"), rs.getBoolean("superseded")));
    }

    private Optional<Reengagement> reengagement(Long caseId) {
        return jdbc.query("""
                select tier, opened_on, step_due_at from reengagement
                 where case_id = :case and open_student_id is not null""", new MapSqlParameterSource("case", caseId),
                (rs, row) -> {
                    Instant due = instant(rs, "step_due_at");
                    return new Reengagement(rs.getString("tier"), rs.getObject("opened_on", LocalDate.class), due,
                            countdown(due));
                }).stream().findFirst();
    }

    private SchoolDayCountdown countdown(Instant due) {
        return due == null ? null : SchoolDayCountdown.of(calendar, work.today(), day(due));
    }

    private LocalDate day(Instant at) {
        return at == null ? null : at.atZone(zone()).toLocalDate();
    }

    private ZoneId zone() {
        return calendar.districtZone();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
