package org.independentstudy.rosters;

import static java.util.Map.entry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.independentstudy.people.Address;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Guardian.Relationship;
import org.independentstudy.people.StaffMember;

/**
 * Reads a OneRoster 1.1 or 1.2 package into a {@link Roster}, strict on what the district's records need and
 * tolerant of the rest:
 * <ul>
 *   <li>orgs.csv: each org of type {@code school} is a school (code: {@code identifier}, else the sourcedId); the
 *       district and other orgs only hold users.</li>
 *   <li>users.csv: the role (1.1: the {@code role} column; 1.2: roles.csv, the primary role) decides what a user is:
 *       {@code student}; {@code parent}, {@code guardian}, {@code relative} (a guardian: parent, legal guardian,
 *       caregiver); {@code teacher}, {@code aide}, {@code counselor}, {@code principal},
 *       {@code siteAdministrator}, {@code administrator}, {@code districtAdministrator},
 *       {@code systemAdministrator} (staff). A proctor is left out.</li>
 *   <li>A student needs a student number ({@code identifier}, else the first of {@code userIds}), names, one grade
 *       level ({@code grades}, CEDS codes; outside TK-12 the student is left out), a birth date
 *       (demographics.csv) and a school (its school org: {@code primaryOrgSourcedId}, its role's org,
 *       {@code orgSourcedIds}, else its enrollments). The address, which OneRoster does not carry, is read from the
 *       extension columns {@code metadata.street}, {@code metadata.city}, {@code metadata.postalCode} if present.</li>
 *   <li>A guardian is linked to the students whose {@code agentSourcedIds} name them, and to the students their
 *       own {@code agentSourcedIds} name; e-mail, and phone (else sms).</li>
 *   <li>Staff need a username (their login) and an e-mail address.</li>
 *   <li>Rows with status {@code tobedeleted} are left out, and so are references to them; any other reference to a
 *       sourcedId the package does not have is an error.</li>
 * </ul>
 */
final class OneRosterReader {

    private static final Pattern USER_ID = Pattern.compile("\\{([^:}]*):([^}]*)}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** CEDS grade levels as OneRoster writes them, and the plain codes some SIS products write instead. */
    private static final Map<String, Grade> GRADES = Map.ofEntries(entry("TK", Grade.TK), entry("KG", Grade.K),
            entry("K", Grade.K), entry("01", Grade.G1), entry("02", Grade.G2), entry("03", Grade.G3),
            entry("04", Grade.G4), entry("05", Grade.G5), entry("06", Grade.G6), entry("07", Grade.G7),
            entry("08", Grade.G8), entry("09", Grade.G9), entry("1", Grade.G1), entry("2", Grade.G2),
            entry("3", Grade.G3), entry("4", Grade.G4), entry("5", Grade.G5), entry("6", Grade.G6),
            entry("7", Grade.G7), entry("8", Grade.G8), entry("9", Grade.G9), entry("10", Grade.G10),
            entry("11", Grade.G11), entry("12", Grade.G12));
    /** CEDS grade levels outside TK-12: infants, preschool, postgraduate, ungraded. */
    private static final Set<String> OUTSIDE_TK_12 = Set.of("IT", "PR", "PK", "13", "PS", "UG", "OTHER");

    private enum Kind { STUDENT, GUARDIAN, STAFF, LEFT_OUT }

    /** A user's role as OneRoster names it, read from {@code row}'s {@code column}. */
    private record Role(String name, String orgSourcedId, RosterCsv.Row row, String column) {
    }

    /** A birth date as demographics.csv gives it; {@code date} is null when the text is empty or not a date. */
    private record Birth(String text, LocalDate date, RosterCsv.Row row) {
    }

    private final RosterProblems problems = new RosterProblems();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, RosterCsv.Row> orgs = new LinkedHashMap<>();
    private final Map<String, RosterCsv.Row> users = new LinkedHashMap<>();
    /** sourcedIds of rows to be deleted: left out, and so are references to them. */
    private final Set<String> deleted = new HashSet<>();
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, List<String>> orgsOfUser = new HashMap<>();
    private final Map<String, Birth> births = new HashMap<>();
    private final Map<String, Set<String>> enrolledAt = new HashMap<>();
    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, Relationship> relationships = new HashMap<>();
    private final Map<String, StaffMember.Role> staffRoles = new HashMap<>();
    private final Map<String, Roster.Student> students = new LinkedHashMap<>();
    private final Map<String, Set<String>> studentsOfGuardian = new LinkedHashMap<>();
    private final Map<String, List<Integer>> leftOut = new TreeMap<>();

    private OneRosterReader() {
    }

    static Roster read(OneRosterPackage roster) {
        return new OneRosterReader().readPackage(roster);
    }

    private Roster readPackage(OneRosterPackage roster) {
        RosterCsv usersCsv = roster.csv("users.csv", problems).orElseThrow();
        roster.csv("orgs.csv", problems).ifPresent(this::readOrgs);
        readUsers(usersCsv);
        boolean rolesInUsers = usersCsv.has("role");
        if (!rolesInUsers) {
            roster.csv("roles.csv", problems).ifPresentOrElse(this::readRoles, () -> problems.add("users.csv", 1,
                    "role", "users.csv has no role column (OneRoster 1.2 keeps roles in roles.csv), and the "
                            + "package has no roles.csv"));
        }
        roster.csv("demographics.csv", problems).ifPresent(this::readDemographics);
        roster.csv("enrollments.csv", problems).ifPresent(this::readEnrollments);
        users.forEach(this::classify);
        users.forEach((id, row) -> {
            if (kinds.get(id) == Kind.STUDENT) {
                student(id, row);
            }
        });
        users.forEach((id, row) -> {
            if (kinds.get(id) == Kind.STUDENT || kinds.get(id) == Kind.GUARDIAN) {
                linkAgents(id, row);
            }
        });
        List<Roster.Guardian> guardians = guardians();
        List<Roster.Staff> staff = staff();
        List<Roster.School> schools = schools();
        leftOut.forEach((what, lines) -> notes.add("users.csv: " + lines.size() + " " + what + " (line"
                + (lines.size() == 1 ? " " : "s ") + String.join(", ", lines.stream().map(String::valueOf).toList())
                + ")"));
        problems.throwIfAny();
        String version = roster.version() != null ? roster.version() : rolesInUsers ? "1.1" : "1.2";
        return new Roster(version, roster.sourceSystem(), schools, List.copyOf(students.values()), guardians, staff,
                notes);
    }

    private void readOrgs(RosterCsv csv) {
        if (!csv.requireColumns(problems, "sourcedId", "name", "type")) {
            return;
        }
        for (RosterCsv.Row row : csv.rows()) {
            String id = sourcedId(row, "sourcedId");
            if (id != null && !row.toBeDeleted() && orgs.putIfAbsent(id, row) != null) {
                problems.add(row, "sourcedId", "'" + id + "' appears twice in orgs.csv");
            }
        }
    }

    private void readUsers(RosterCsv csv) {
        if (!csv.requireColumns(problems, "sourcedId", "givenName", "familyName")) {
            return;
        }
        for (RosterCsv.Row row : csv.rows()) {
            String id = sourcedId(row, "sourcedId");
            if (id == null || row.toBeDeleted()) {
                continue;
            }
            if (users.putIfAbsent(id, row) != null) {
                problems.add(row, "sourcedId", "'" + id + "' appears twice in users.csv");
                continue;
            }
            List<String> userOrgs = orgsOfUser.computeIfAbsent(id, k -> new ArrayList<>());
            addOrg(userOrgs, row, "primaryOrgSourcedId", row.get("primaryOrgSourcedId"));
            for (String org : row.list("orgSourcedIds")) {
                addOrg(userOrgs, row, "orgSourcedIds", org);
            }
            if (csv.has("role")) {
                roles.put(id, new Role(row.get("role"), null, row, "role"));
            }
        }
    }

    /** OneRoster 1.2: a user's roles, each at an org; the primary one (else the first) says what the user is. */
    private void readRoles(RosterCsv csv) {
        if (!csv.requireColumns(problems, "userSourcedId", "role")) {
            return;
        }
        for (RosterCsv.Row row : csv.rows()) {
            String user = row.get("userSourcedId");
            if (row.toBeDeleted() || deleted.contains(user)) {
                continue;
            }
            if (!users.containsKey(user)) {
                problems.add(row, "userSourcedId", "'" + user + "' is not a user of users.csv");
                continue;
            }
            String org = row.get("orgSourcedId");
            addOrg(orgsOfUser.get(user), row, "orgSourcedId", org);
            Role role = new Role(row.get("role"), org.isEmpty() ? null : org, row, "role");
            if (row.get("roleType").equalsIgnoreCase("primary")) {
                Role earlier = roles.get(user);
                if (earlier == null || !earlier.row().get("roleType").equalsIgnoreCase("primary")) {
                    roles.put(user, role);
                }
            } else {
                roles.putIfAbsent(user, role);
            }
        }
    }

    private void readDemographics(RosterCsv csv) {
        if (!csv.requireColumns(problems, "sourcedId", "birthDate")) {
            return;
        }
        for (RosterCsv.Row row : csv.rows()) {
            String user = sourcedId(row, "sourcedId");
            if (user == null || row.toBeDeleted() || deleted.contains(user)) {
                continue;
            }
            if (!users.containsKey(user)) {
                problems.add(row, "sourcedId", "'" + user + "' is not a user of users.csv");
            } else if (births.putIfAbsent(user, new Birth(row.get("birthDate"), date(row.get("birthDate")), row))
                    != null) {
                problems.add(row, "sourcedId", "'" + user + "' appears twice in demographics.csv");
            }
        }
    }

    private void readEnrollments(RosterCsv csv) {
        if (!csv.requireColumns(problems, "userSourcedId", "schoolSourcedId")) {
            return;
        }
        for (RosterCsv.Row row : csv.rows()) {
            String user = row.get("userSourcedId");
            String school = row.get("schoolSourcedId");
            if (row.toBeDeleted() || deleted.contains(user) || deleted.contains(school)) {
                continue;
            }
            if (!users.containsKey(user)) {
                problems.add(row, "userSourcedId", "'" + user + "' is not a user of users.csv");
            } else if (!orgs.containsKey(school)) {
                problems.add(row, "schoolSourcedId", "'" + school + "' is not an org of orgs.csv");
            } else {
                enrolledAt.computeIfAbsent(user, k -> new LinkedHashSet<>()).add(school);
            }
        }
    }

    /** What the user is, by their role: a student, a guardian, staff, or left out. */
    private void classify(String id, RosterCsv.Row user) {
        Role role = roles.get(id);
        if (role == null) {
            // with a role column in users.csv every user has one, if empty; without, roles.csv gives them
            problems.add(user, "role", "the user has no role in roles.csv");
            return;
        }
        switch (role.name().toLowerCase(Locale.ROOT)) {
            case "student" -> kinds.put(id, Kind.STUDENT);
            case "parent" -> guardian(id, Relationship.PARENT);
            case "guardian" -> guardian(id, Relationship.GUARDIAN);
            case "relative" -> guardian(id, Relationship.CAREGIVER);
            case "teacher", "aide" -> staff(id, StaffMember.Role.TEACHER);
            case "counselor" -> staff(id, StaffMember.Role.COUNSELOR);
            case "principal", "siteadministrator" -> staff(id, StaffMember.Role.PRINCIPAL);
            case "administrator" -> staff(id, schoolOf(id).isPresent() ? StaffMember.Role.PRINCIPAL
                    : StaffMember.Role.ADMIN);
            case "districtadministrator", "systemadministrator" -> staff(id, StaffMember.Role.ADMIN);
            case "proctor" -> leaveOut(id, user, "proctors left out (no role in independent study)");
            default -> problems.add(role.row(), role.column(), role.name().isEmpty() ? "the role is empty"
                    : "'" + role.name() + "' is not a OneRoster role");
        }
    }

    private void guardian(String id, Relationship relationship) {
        kinds.put(id, Kind.GUARDIAN);
        relationships.put(id, relationship);
    }

    private void staff(String id, StaffMember.Role role) {
        kinds.put(id, Kind.STAFF);
        staffRoles.put(id, role);
    }

    private void leaveOut(String id, RosterCsv.Row row, String why) {
        kinds.put(id, Kind.LEFT_OUT);
        leftOut.computeIfAbsent(why, k -> new ArrayList<>()).add(row.line());
    }

    private void student(String id, RosterCsv.Row row) {
        int problemsBefore = problems.total();
        List<String> levels = row.list("grades").stream().map(g -> g.toUpperCase(Locale.ROOT)).distinct().toList();
        if (levels.size() != 1) {
            problems.add(row, "grades", levels.isEmpty() ? "a student's grade level is required"
                    : "a student has one grade level, not " + String.join(", ", levels));
            return;
        }
        if (OUTSIDE_TK_12.contains(levels.get(0))) {
            leaveOut(id, row, "students left out, their grade level is outside TK-12");
            return;
        }
        Grade grade = GRADES.get(levels.get(0));
        if (grade == null) {
            problems.add(row, "grades", "'" + levels.get(0) + "' is not a grade level (CEDS: TK, KG, 01-12)");
        }
        String number = studentNumber(row);
        String first = required(row, "givenName", 100);
        String last = required(row, "familyName", 100);
        String email = email(row, false);
        LocalDate birthDate = birthDate(id, row);
        Address address = address(row);
        Optional<String> school = schoolOf(id);
        if (school.isEmpty()) {
            problems.add(row, "orgSourcedIds", "the student is at no school: neither their orgs nor "
                    + "enrollments.csv name an org of type school");
        }
        if (problems.total() == problemsBefore) {
            students.put(id, new Roster.Student(id, number, first, last, birthDate, grade, email, address,
                    school.orElseThrow(), source(row)));
        }
    }

    private String studentNumber(RosterCsv.Row row) {
        String number = row.get("identifier");
        if (number.isEmpty() && !row.get("userIds").isEmpty()) {
            Matcher id = USER_ID.matcher(row.get("userIds"));
            number = id.find() ? id.group(2).strip() : row.list("userIds").get(0).replaceAll("[{}]", "");
        }
        if (number.isEmpty()) {
            problems.add(row, "identifier", "a student's number is required (identifier, or userIds)");
        } else if (number.length() > 30) {
            problems.add(row, "identifier", "a student number has at most 30 characters");
        }
        return number;
    }

    /** Only a student's birth date is needed, so only a student's is checked. */
    private LocalDate birthDate(String id, RosterCsv.Row row) {
        Birth birth = births.get(id);
        if (birth == null) {
            problems.add(row, "birthDate", "demographics.csv has no birth date for this student");
            return null;
        }
        if (birth.date() == null) {
            problems.add(birth.row(), "birthDate", birth.text().isEmpty() ? "a student's birth date is required"
                    : "'" + birth.text() + "' is not a date (yyyy-MM-dd)");
        }
        return birth.date();
    }

    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The extension columns of a SIS that exports addresses; all three or none. */
    private Address address(RosterCsv.Row row) {
        String street = optional(row, "metadata.street", 200);
        String city = optional(row, "metadata.city", 100);
        String postalCode = optional(row, "metadata.postalCode", 10);
        if (street == null && city == null && postalCode == null) {
            return null;
        }
        if (street == null || city == null || postalCode == null) {
            problems.add(row, street == null ? "metadata.street" : city == null ? "metadata.city"
                    : "metadata.postalCode", "an address needs metadata.street, metadata.city and "
                    + "metadata.postalCode");
        }
        return new Address(street, city, postalCode);
    }

    /** Each agent of a student must be a guardian; the agents of a guardian that are students are theirs too. */
    private void linkAgents(String id, RosterCsv.Row row) {
        boolean isStudent = kinds.get(id) == Kind.STUDENT;
        for (String agent : row.list("agentSourcedIds")) {
            if (deleted.contains(agent)) {
                continue;
            }
            if (!users.containsKey(agent)) {
                problems.add(row, "agentSourcedIds", "'" + agent + "' is not a user of users.csv");
            } else if (isStudent && kinds.get(agent) != Kind.GUARDIAN && kinds.containsKey(agent)) {
                problems.add(row, "agentSourcedIds", "'" + agent + "' is a " + roles.get(agent).name()
                        + ", not a parent, guardian or relative");
            } else if (isStudent && students.containsKey(id)) {
                studentsOfGuardian.computeIfAbsent(agent, k -> new LinkedHashSet<>()).add(id);
            } else if (!isStudent && students.containsKey(agent)) {
                studentsOfGuardian.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(agent);
            }
        }
    }

    private List<Roster.Guardian> guardians() {
        List<Roster.Guardian> guardians = new ArrayList<>();
        users.forEach((id, row) -> {
            if (kinds.get(id) != Kind.GUARDIAN) {
                return;
            }
            String name = fullName(row);
            String email = email(row, false);
            String phone = optional(row, row.get("phone").isEmpty() ? "sms" : "phone", 40);
            Set<String> ofStudents = studentsOfGuardian.getOrDefault(id, Set.of());
            if (ofStudents.isEmpty()) {
                leaveOut(id, row, "parents or guardians left out, the agent of no student imported");
            } else {
                guardians.add(new Roster.Guardian(id, name, relationships.get(id), email, phone,
                        List.copyOf(ofStudents), source(row)));
            }
        });
        return guardians;
    }

    private List<Roster.Staff> staff() {
        List<Roster.Staff> staff = new ArrayList<>();
        users.forEach((id, row) -> {
            if (kinds.get(id) == Kind.STAFF) {
                String username = required(row, "username", 64);
                String email = email(row, true);
                staff.add(new Roster.Staff(id, username, fullName(row), email, staffRoles.get(id),
                        schoolOf(id).orElse(null), source(row)));
            }
        });
        return staff;
    }

    /** The school orgs, each with the grade span of its students in the package. */
    private List<Roster.School> schools() {
        Map<String, List<Grade>> grades = new HashMap<>();
        students.values().forEach(s -> grades.computeIfAbsent(s.schoolSourcedId(), k -> new ArrayList<>())
                .add(s.grade()));
        List<Roster.School> schools = new ArrayList<>();
        orgs.forEach((id, row) -> {
            if (!isSchool(id)) {
                return;
            }
            String code = row.get("identifier").isEmpty() ? id : row.get("identifier");
            if (code.length() > 20) {
                problems.add(row, "identifier", "a school code has at most 20 characters; '" + code + "' has "
                        + code.length() + (row.get("identifier").isEmpty() ? " (no identifier: the sourcedId)" : ""));
            }
            List<Grade> span = grades.getOrDefault(id, List.of());
            schools.add(new Roster.School(id, code, required(row, "name", 200),
                    span.stream().min(Comparator.naturalOrder()).orElse(null),
                    span.stream().max(Comparator.naturalOrder()).orElse(null), source(row)));
        });
        return schools;
    }

    /**
     * The user's school: the first school org of their primary org, their role's org, their orgs, their
     * enrollments.
     */
    private Optional<String> schoolOf(String user) {
        Role role = roles.get(user);
        return Stream.of(Stream.ofNullable(role == null ? null : role.orgSourcedId()),
                        orgsOfUser.getOrDefault(user, List.of()).stream(),
                        enrolledAt.getOrDefault(user, Set.of()).stream())
                .flatMap(s -> s).filter(this::isSchool).findFirst();
    }

    private boolean isSchool(String org) {
        return orgs.containsKey(org) && orgs.get(org).get("type").equalsIgnoreCase("school");
    }

    private void addOrg(List<String> userOrgs, RosterCsv.Row row, String column, String org) {
        if (org.isEmpty() || deleted.contains(org)) {
            return;
        }
        if (!orgs.containsKey(org)) {
            problems.add(row, column, "'" + org + "' is not an org of orgs.csv");
        } else if (!userOrgs.contains(org)) {
            userOrgs.add(org);
        }
    }

    /** The row's sourcedId; a row to be deleted is remembered so that references to it are left out too. */
    private String sourcedId(RosterCsv.Row row, String column) {
        String id = row.get(column);
        if (id.isEmpty()) {
            problems.add(row, column, "required");
            return null;
        }
        if (row.toBeDeleted()) {
            deleted.add(id);
        }
        return id;
    }

    private String fullName(RosterCsv.Row row) {
        String name = (required(row, "givenName", 100) + " " + required(row, "familyName", 100)).strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private String email(RosterCsv.Row row, boolean required) {
        String email = required ? required(row, "email", 200) : optional(row, "email", 200);
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.add(row, "email", "'" + email + "' is not an e-mail address");
        }
        return email;
    }

    private String required(RosterCsv.Row row, String column, int most) {
        String value = row.get(column);
        if (value.isEmpty()) {
            problems.add(row, column, "required");
        }
        return tooLong(row, column, value, most);
    }

    /** The value, or null when empty. */
    private String optional(RosterCsv.Row row, String column, int most) {
        String value = row.get(column);
        return value.isEmpty() ? null : tooLong(row, column, value, most);
    }

    private String tooLong(RosterCsv.Row row, String column, String value, int most) {
        if (value.length() > most) {
            problems.add(row, column, "at most " + most + " characters, not " + value.length());
        }
        return value;
    }

    private static Roster.Source source(RosterCsv.Row row) {
        return new Roster.Source(row.file(), row.line());
    }
}
