package org.independentstudy.desk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.desk.process.WorkList;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.cases.CaseViews;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.FamilyRequest.ReceivedVia;
import org.independentstudy.enrollment.ResourceNeeds;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.School;
import org.independentstudy.people.SchoolRepository;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentLookup;
import org.independentstudy.records.CasePhase;
import org.independentstudy.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The case desk's pages. Staff who work cases see them; analysts, who see no student records, do not. Taking a
 * family's request goes through {@link CaseIntake} exactly as the API does, with the guardian chosen from the
 * student's family instead of typed as an id.
 */
@Controller
@PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER', 'PRINCIPAL', 'SPECIAL_EDUCATION', 'ADMIN')")
class DeskPages {

    /** Fields of the new-request form that show their own problem; any other problem is listed above the form. */
    private static final java.util.Set<String> PLACED_FIELDS = java.util.Set.of("requester", "requesterGuardianId",
            "receivedVia", "receivedOn", "requestedStart", "projectedEnd", "preferredPlacement", "reason");

    private final WorkList work;
    private final CasePage casePage;
    private final StudentDirectory directory;
    private final StudentLookup students;
    private final GuardianRepository guardians;
    private final SchoolRepository schools;
    private final StaffMemberRepository staff;
    private final CaseViews views;
    private final CaseIntake intake;
    private final int atRiskSchoolDays;
    /** Times on the pages are the district's, whatever zone the server runs in. */
    private final String zone;

    DeskPages(WorkList work, CasePage casePage, StudentDirectory directory, StudentLookup students,
              GuardianRepository guardians, SchoolRepository schools, StaffMemberRepository staff, CaseViews views,
              CaseIntake intake, @Value("${isp.desk.at-risk-school-days:3}") int atRiskSchoolDays,
              SchoolCalendar calendar) {
        this.zone = calendar.districtZone().getId();
        this.work = work;
        this.casePage = casePage;
        this.directory = directory;
        this.students = students;
        this.guardians = guardians;
        this.schools = schools;
        this.staff = staff;
        this.views = views;
        this.intake = intake;
        this.atRiskSchoolDays = atRiskSchoolDays;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Authentication user) {
        // analysts have no desk: their place is Cockpit
        return Roles.has(user, Roles.ANALYST) && user.getAuthorities().size() == 1
                ? "redirect:/camunda/app/cockpit/default/" : "redirect:/desk";
    }

    @GetMapping("/desk")
    ModelAndView myWork(@RequestParam(required = false) Long school, @RequestParam(required = false) CasePhase phase,
                        Authentication user) {
        return page("desk/my-work", user).addObject("items", work.tasksOf(user.getName(), school, phase))
                .addObject("school", school).addObject("phase", phase).addObject("phases", CasePhase.values());
    }

    @GetMapping("/desk/students")
    ModelAndView search(@RequestParam(defaultValue = "") String q, Authentication user) {
        return page("desk/students", user).addObject("q", q.strip())
                .addObject("found", q.isBlank() ? List.of() : directory.search(q));
    }

    @GetMapping("/desk/students/{number}")
    ModelAndView student(@PathVariable String number, Authentication user) {
        return studentPage(number, user, Map.of(), Map.of());
    }

    /** ENR-01: the family's request, as a counselor takes it on the phone or at the counter. */
    @PostMapping("/desk/students/{number}/requests")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
    ModelAndView newRequest(@PathVariable String number, @RequestParam Map<String, String> form,
                            Authentication user) {
        Map<String, String> problems = new LinkedHashMap<>();
        FamilyRequest request = RequestForm.read(number, form, problems);
        if (problems.isEmpty()) {
            try {
                return new ModelAndView("redirect:/desk/cases/" + intake.receive(request));
            } catch (InvalidRequestException refused) {
                problems.putAll(refused.fieldErrors().isEmpty() ? Map.of("form", refused.getMessage())
                        : refused.fieldErrors());
            } catch (ConflictException refused) {
                problems.put("form", refused.getMessage());
            }
        }
        return studentPage(number, user, form, problems);
    }

    @GetMapping("/desk/cases/{id}")
    ModelAndView caseOf(@PathVariable Long id, Authentication user) {
        return page("desk/case", user).addObject("page", casePage.of(id));
    }

    /** Escalations waiting for a principal, and the cases of the school about to miss a deadline. */
    @GetMapping("/desk/principal")
    @PreAuthorize("hasAnyRole('PRINCIPAL', 'ADMIN')")
    ModelAndView principal(@RequestParam(required = false) Long school, Authentication user) {
        Long scope = Roles.has(user, Roles.ADMIN) ? school : ownSchool(user);
        return page("desk/principal", user).addObject("school", scope)
                .addObject("escalations", work.tasksOfGroup(Roles.PRINCIPALS_GROUP, scope))
                .addObject("atRisk", work.deadlinesWithin(atRiskSchoolDays, scope))
                .addObject("atRiskSchoolDays", atRiskSchoolDays);
    }

    private Long ownSchool(Authentication user) {
        return staff.findByUsername(user.getName()).map(StaffMember::getSchoolId).orElseThrow(() ->
                InvalidRequestException.field("school", "your staff record names no school"));
    }

    private ModelAndView studentPage(String number, Authentication user, Map<String, String> typed,
                                     Map<String, String> problems) {
        Student student = students.byIdOrNumber(number).orElseThrow(() -> new NotFoundException(
                "No student with student number '" + number + "'"));
        return page("desk/student", user).addObject("student", student)
                .addObject("school", schools.findById(student.getSchoolId()).map(School::getName).orElse(""))
                .addObject("family", guardians.findByStudentIdOrderById(student.getId()))
                .addObject("cases", views.ofStudent(student.getStudentNumber()))
                .addObject("typed", typed).addObject("problems", problems).addObject("placedFields", PLACED_FIELDS)
                .addObject("receivedVia", ReceivedVia.values()).addObject("placements", PreferredPlacement.values())
                .addObject("today", work.today());
    }

    private ModelAndView page(String template, Authentication user) {
        return new ModelAndView(template).addObject("user", user.getName()).addObject("zone", zone)
                .addObject("schools", schools.findAll())
                .addObject("principalView", Roles.has(user, Roles.PRINCIPAL) || Roles.has(user, Roles.ADMIN))
                .addObject("takesRequests", Roles.has(user, Roles.COUNSELOR) || Roles.has(user, Roles.ADMIN));
    }

    /** The new-request form's fields, read with each problem at its field; the rules themselves are the intake's. */
    static final class RequestForm {

        private RequestForm() {
        }

        static FamilyRequest read(String studentNumber, Map<String, String> form, Map<String, String> problems) {
            String requester = form.getOrDefault("requester", "");
            boolean byStudent = "student".equals(requester);
            Long guardianId = null;
            if (!byStudent) {
                try {
                    guardianId = Long.valueOf(requester);
                } catch (NumberFormatException e) {
                    problems.put("requester", "choose who asked: a member of the family or the student");
                }
            }
            ReceivedVia via = choice(form, "receivedVia", ReceivedVia.class, problems);
            PreferredPlacement placement = choice(form, "preferredPlacement", PreferredPlacement.class, problems);
            LocalDate receivedOn = date(form, "receivedOn", problems);
            LocalDate start = date(form, "requestedStart", problems);
            LocalDate end = date(form, "projectedEnd", problems);
            String reason = form.getOrDefault("reason", "").strip();
            if (reason.isEmpty()) {
                problems.put("reason", "say why the family asks for independent study");
            }
            ResourceNeeds needs = new ResourceNeeds(form.containsKey("needsDevice"), form.containsKey("needsInternet"),
                    form.getOrDefault("otherNeeds", "").isBlank() ? null : form.get("otherNeeds").strip());
            return new FamilyRequest(studentNumber, guardianId, byStudent, via, receivedOn, reason, start, end,
                    placement, form.containsKey("conferenceRequested"), null, false, needs, null, null, false, false,
                    null);
        }

        private static <E extends Enum<E>> E choice(Map<String, String> form, String field, Class<E> type,
                                                    Map<String, String> problems) {
            try {
                return Enum.valueOf(type, form.getOrDefault(field, ""));
            } catch (IllegalArgumentException e) {
                problems.put(field, "choose one");
                return null;
            }
        }

        private static LocalDate date(Map<String, String> form, String field, Map<String, String> problems) {
            try {
                return LocalDate.parse(form.getOrDefault(field, ""));
            } catch (java.time.DateTimeException e) {
                problems.put(field, "a date is required (YYYY-MM-DD)");
                return null;
            }
        }
    }
}
