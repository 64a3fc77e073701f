package org.independentstudy.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.records.PdfDocuments;
import org.independentstudy.security.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The reports as CSV or PDF: {@code GET /api/reports/{participants|agreements|register|supervision|grade-book|site-summary|teacher-ratio}
 * .{csv|pdf}?from=&to=[&school=]}. Principals get their school; administrators one school or the district; nobody
 * else. Each export is recorded with the students it holds (FERPA's record of disclosures).
 */
@RestController
class ReportController {

    /** A report covers at most a school year's span of dates. */
    private static final long MAX_DAYS = 366;

    private final AuditReports reports;
    private final RecordDisclosures disclosures;
    private final StaffMemberRepository staff;
    private final Map<String, Function<AuditReports.Scope, AuditReports.ReportTable>> byName;

    ReportController(AuditReports reports, RecordDisclosures disclosures, StaffMemberRepository staff) {
        this.reports = reports;
        this.disclosures = disclosures;
        this.staff = staff;
        this.byName = Map.of("participants", reports::participants, "agreements", reports::agreementsFile,
                "register", reports::register, "supervision", reports::supervision, "grade-book", reports::gradeBook,
                "site-summary", reports::siteSummary, "teacher-ratio", reports::teacherRatio);
    }

    @GetMapping("/api/reports/{name}.csv")
    @PreAuthorize("hasAnyRole('PRINCIPAL', 'ADMIN')")
    ResponseEntity<byte[]> csv(@PathVariable String name, @RequestParam LocalDate from, @RequestParam LocalDate to,
                               @RequestParam(required = false) Long school, Authentication user) {
        AuditReports.ReportTable table = run(name, from, to, school, user, "csv");
        return download(name + "-" + from + "-" + to + ".csv", MediaType.parseMediaType("text/csv; charset=UTF-8"),
                table.csv().bytes());
    }

    @GetMapping("/api/reports/{name}.pdf")
    @PreAuthorize("hasAnyRole('PRINCIPAL', 'ADMIN')")
    ResponseEntity<byte[]> pdf(@PathVariable String name, @RequestParam LocalDate from, @RequestParam LocalDate to,
                               @RequestParam(required = false) Long school, Authentication user) {
        AuditReports.ReportTable table = run(name, from, to, school, user, "pdf");
        return download(name + "-" + from + "-" + to + ".pdf", MediaType.APPLICATION_PDF,
                PdfDocuments.render(xhtml(table, from, to), table.title()));
    }

    private AuditReports.ReportTable run(String name, LocalDate from, LocalDate to, Long school, Authentication user,
                                         String format) {
        Function<AuditReports.Scope, AuditReports.ReportTable> report = byName.get(name);
        if (report == null) {
            throw new NotFoundException("No report " + name + "; there are " + byName.keySet());
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw InvalidRequestException.field("to", "on or after from, and at most " + MAX_DAYS + " days later");
        }
        Long scoped = school;
        if (!Roles.has(user, Roles.ADMIN)) {
            Long own = staff.findByUsername(user.getName()).map(StaffMember::getSchoolId).orElse(null);
            if (own == null || (school != null && !school.equals(own))) {
                throw InvalidRequestException.field("school", "you see the reports of your own school only");
            }
            scoped = own;
        }
        AuditReports.ReportTable table = report.apply(new AuditReports.Scope(from, to, scoped));
        disclosures.record(user.getName(), "REPORT " + name + "." + format, "from " + from + " to " + to
                + (scoped == null ? ", district" : ", school " + scoped), table.students());
        return table;
    }

    private static String xhtml(AuditReports.ReportTable table, LocalDate from, LocalDate to) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>")
                .append(HtmlUtils.htmlEscape(table.title(), "UTF-8")).append("</title><style>@page{size:A4 landscape;margin:1cm}"
                        + "body{font-family:sans-serif;font-size:7pt}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:1px 3px}</style></head><body><h1>")
                .append(HtmlUtils.htmlEscape(table.title(), "UTF-8")).append("</h1><p>").append(from).append(" to ").append(to)
                .append(", ").append(table.rows().size()).append(" rows</p><table><tr>");
        table.header().forEach(h -> html.append("<th>").append(HtmlUtils.htmlEscape(h, "UTF-8")).append("</th>"));
        html.append("</tr>");
        for (var row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(HtmlUtils.htmlEscape(String.valueOf(cell), "UTF-8")).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString()).body(body);
    }
}
