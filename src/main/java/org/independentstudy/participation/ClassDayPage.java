package org.independentstudy.participation;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.participation.Supervisions.SupervisedStudent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * ATT-01: the teacher's class-day page. One screen per class and school day, every student a row, saved in one
 * request through {@link ParticipationRecording}: all or nothing, a refused row marked where it is, nothing typed
 * lost. Rows not yet recorded start as participatory with the class's session minutes offered and attended, so a
 * teacher changes only the exceptions.
 */
@Controller
@RequestMapping("/teacher/class-day")
@PreAuthorize("hasRole('TEACHER')")
class ClassDayPage {

    /** The synchronous session a class day offers unless the teacher says otherwise, in minutes. */
    static final int DEFAULT_SESSION_MINUTES = 60;
    private static final Pattern ROW_FIELD = Pattern.compile("entries\\[(\\d+)]\\.(.+)");

    private final Supervisions supervisions;
    private final ParticipationRecording recording;
    private final SchoolCalendar calendar;
    private final DistrictProperties district;
    private final Clock clock;

    ClassDayPage(Supervisions supervisions, ParticipationRecording recording, SchoolCalendar calendar,
                 DistrictProperties district, Clock clock) {
        this.supervisions = supervisions;
        this.recording = recording;
        this.calendar = calendar;
        this.district = district;
        this.clock = clock;
    }

    /** One row of the page: the student, and the values shown (recorded, defaults, or as the teacher typed them). */
    public record Row(SupervisedStudent student, boolean recorded, String status, String reason, int offered,
                      int attended, String liveMethod, Integer liveMinutes, String livePurpose,
                      Map<String, String> errors) {
    }

    @GetMapping
    ModelAndView show(@RequestParam(required = false) LocalDate date, @RequestParam(name = "class", required = false)
                      String className, @RequestParam(defaultValue = "" + DEFAULT_SESSION_MINUTES) int session,
                      @RequestParam(required = false) Integer saved, Authentication teacher) {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        ModelAndView page = page(teacher.getName(), day, className, session);
        String chosen = (String) page.getModel().get("className");
        Map<Long, ParticipationEntry> recorded = chosen == null ? Map.of()
                : recording.recordedFor(teacher.getName(), chosen, day);
        List<Row> rows = new ArrayList<>();
        for (SupervisedStudent student : students(teacher.getName(), chosen, day)) {
            ParticipationEntry entry = recorded.get(student.caseId());
            rows.add(entry == null ? new Row(student, false, ParticipationStatus.PARTICIPATORY.name(), null, session,
                    session, null, null, null, Map.of()) : rowOf(student, entry));
        }
        page.addObject("rows", rows);
        if (saved != null) {
            page.addObject("message", "Saved " + saved + " student" + (saved == 1 ? "" : "s") + " for " + day + ".");
        }
        return page;
    }

    @PostMapping
    ModelAndView save(@RequestParam LocalDate date, @RequestParam(name = "class") String className,
                      @RequestParam(defaultValue = "" + DEFAULT_SESSION_MINUTES) int session,
                      HttpServletRequest request, Authentication teacher) {
        List<SupervisedStudent> students = students(teacher.getName(), className, date);
        List<Row> typed = new ArrayList<>();
        List<ParticipationEntry> entries = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            Row row = typedRow(students.get(i), request, i);
            typed.add(row);
            entries.add(entryOf(row, date, teacher.getName()));
        }
        try {
            recording.record(teacher.getName(), entries);
            return new ModelAndView("redirect:/teacher/class-day?date=" + date + "&class=" + encode(className)
                    + "&session=" + session + "&saved=" + entries.size());
        } catch (InvalidRequestException refused) {
            ModelAndView page = page(teacher.getName(), date, className, session);
            page.addObject("rows", withErrors(typed, refused.fieldErrors()));
            page.addObject("problem", "Nothing was saved: " + refused.fieldErrors().size()
                    + " problem(s) are marked below. Correct them and save again.");
            return page;
        }
    }

    private ModelAndView page(String teacher, LocalDate day, String className, int session) {
        ModelAndView page = new ModelAndView("participation/class-day");
        List<String> classes = supervisions.classesOf(teacher, day);
        String chosen = className != null && classes.contains(className) ? className
                : classes.isEmpty() ? null : classes.get(0);
        page.addObject("district", district.name());
        page.addObject("teacher", teacher);
        page.addObject("date", day);
        page.addObject("schoolDay", isSchoolDay(day));
        page.addObject("previous", neighbour(day, -1));
        page.addObject("next", neighbour(day, 1));
        page.addObject("classes", classes);
        page.addObject("className", chosen);
        page.addObject("sessionMinutes", session);
        page.addObject("methods", InteractionMethod.values());
        return page;
    }

    private List<SupervisedStudent> students(String teacher, String className, LocalDate day) {
        return className == null ? List.of() : supervisions.classDay(teacher, className, day);
    }

    private static Row rowOf(SupervisedStudent student, ParticipationEntry entry) {
        LiveInteraction live = entry.liveInteractions().isEmpty() ? null : entry.liveInteractions().get(0);
        return new Row(student, true, entry.status().name(), entry.nonparticipatoryReason(),
                entry.synchronousOfferedMinutes(), entry.synchronousAttendedMinutes(),
                live == null ? null : live.method().name(), live == null ? null : live.minutes(),
                live == null ? null : live.purpose(), Map.of());
    }

    private static Row typedRow(SupervisedStudent student, HttpServletRequest request, int i) {
        String prefix = "row" + i + ".";
        return new Row(student, false, request.getParameter(prefix + "status"),
                request.getParameter(prefix + "reason"), minutes(request.getParameter(prefix + "offered")),
                minutes(request.getParameter(prefix + "attended")), blankToNull(request.getParameter(prefix + "liveMethod")),
                blankToNull(request.getParameter(prefix + "liveMinutes")) == null ? null
                        : minutes(request.getParameter(prefix + "liveMinutes")),
                request.getParameter(prefix + "livePurpose"), Map.of());
    }

    private static ParticipationEntry entryOf(Row row, LocalDate date, String teacher) {
        ParticipationStatus status = "NONPARTICIPATORY".equals(row.status()) ? ParticipationStatus.NONPARTICIPATORY
                : ParticipationStatus.PARTICIPATORY;
        List<LiveInteraction> live = row.liveMethod() == null ? List.of() : List.of(new LiveInteraction(teacher,
                InteractionMethod.valueOf(row.liveMethod()), row.liveMinutes() == null ? 0 : row.liveMinutes(),
                row.livePurpose()));
        return new ParticipationEntry(row.student().caseId(), date, status, row.reason(), row.offered(),
                row.attended(), live);
    }

    /** The service names fields per entry ("entries[3].synchronousAttendedMinutes"); the page shows them per row. */
    private static List<Row> withErrors(List<Row> rows, Map<String, String> errors) {
        Map<Integer, Map<String, String>> perRow = new HashMap<>();
        errors.forEach((field, problem) -> {
            Matcher m = ROW_FIELD.matcher(field);
            if (m.matches()) {
                perRow.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new HashMap<>()).put(m.group(2), problem);
            }
        });
        List<Row> marked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            marked.add(new Row(r.student(), false, r.status(), r.reason(), r.offered(), r.attended(), r.liveMethod(),
                    r.liveMinutes(), r.livePurpose(), perRow.getOrDefault(i, Map.of())));
        }
        return marked;
    }

    private LocalDate neighbour(LocalDate day, int direction) {
        LocalDate candidate = day.plusDays(direction);
        for (int i = 0; i < 40; i++, candidate = candidate.plusDays(direction)) {
            if (isSchoolDay(candidate)) {
                return candidate;
            }
        }
        return day.plusDays(direction);
    }

    private boolean isSchoolDay(LocalDate day) {
        try {
            return calendar.isSchoolDay(day);
        } catch (SchoolCalendarException e) {
            return false;
        }
    }

    private static int minutes(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1; // refused by the service as negative minutes, with the row named
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
