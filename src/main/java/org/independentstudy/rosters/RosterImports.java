package org.independentstudy.rosters;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.independentstudy.people.Address;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianContactHistory;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.School;
import org.independentstudy.people.SchoolRepository;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12.6: a OneRoster package becomes the district's schools, students, guardians and staff, in one transaction.
 * A record is found by the sourcedId the SIS gave it; a record typed before the first import (no sourcedId) is taken
 * over by its natural key (school code, student number, login, a student's guardian by name). A key that belongs
 * to another SIS record is an error naming the line. Nothing is deleted (REC-07): what the SIS no longer lists stays.
 */
@Service
public class RosterImports {

    /** What an import did to one kind of record. */
    public record Counts(int created, int updated, int unchanged) {

        @Override
        public String toString() {
            return created + " created, " + updated + " updated, " + unchanged + " unchanged";
        }
    }

    /** The answer to an import: counts per kind, and what was left out or is missing. */
    public record Summary(String fileName, String oneRosterVersion, String sourceSystem, Counts schools,
                          Counts students, Counts guardians, Counts staff, List<String> notes) {

        String counts() {
            return "schools " + schools + "; students " + students + "; guardians " + guardians + "; staff " + staff;
        }
    }

    /** An import as it was recorded. */
    public record PastImport(String fileName, String oneRosterVersion, String sourceSystem, String summary,
                             String importedBy, Instant importedAt) {
    }

    private final SchoolRepository schools;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final StaffMemberRepository staff;
    private final GuardianContactHistory contactHistory;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RosterImports(SchoolRepository schools, StudentRepository students, GuardianRepository guardians,
                  StaffMemberRepository staff, GuardianContactHistory contactHistory, NamedParameterJdbcTemplate jdbc,
                  Clock clock) {
        this.schools = schools;
        this.students = students;
        this.guardians = guardians;
        this.staff = staff;
        this.contactHistory = contactHistory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Imports the package, or refuses it whole with {@link RosterFileException}. */
    @Transactional
    public Summary importPackage(String fileName, byte[] zip, String importedBy) {
        OneRosterPackage rosterPackage = OneRosterPackage.read(fileName, zip);
        Roster roster = OneRosterReader.read(rosterPackage);
        Summary summary = new Run(roster, importedBy, clock.instant()).apply(rosterPackage.fileName());
        jdbc.update("""
                insert into roster_import (file_name, file_sha256, oneroster_version, source_system, summary,
                    imported_by, imported_at)
                values (:file, :sha256, :version, :source, :summary, :by, :at)""",
                new MapSqlParameterSource("file", rosterPackage.fileName()).addValue("sha256", sha256(zip))
                        .addValue("version", roster.version()).addValue("source", roster.sourceSystem(), Types.VARCHAR)
                        .addValue("summary", summary.counts()).addValue("by", importedBy)
                        .addValue("at", Timestamp.from(clock.instant())));
        return summary;
    }

    /** The imports made, newest first. */
    @Transactional(readOnly = true)
    public List<PastImport> history() {
        return jdbc.query("""
                select file_name, oneroster_version, source_system, summary, imported_by, imported_at
                  from roster_import order by imported_at desc, id desc""", (rs, row) -> new PastImport(
                rs.getString("file_name"), rs.getString("oneroster_version"), rs.getString("source_system"),
                rs.getString("summary"), rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant()));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The stored records of one kind, by sourcedId and by natural key, as the import changes them. */
    private static final class Stored<T> {

        private final Map<String, T> bySourcedId = new HashMap<>();
        private final Map<String, T> byKey = new HashMap<>();
        private final Function<T, String> sourcedIdOf;
        private final Function<T, String> keyOf;

        Stored(List<T> records, Function<T, String> sourcedIdOf, Function<T, String> keyOf) {
            this.sourcedIdOf = sourcedIdOf;
            this.keyOf = keyOf;
            records.forEach(this::index);
        }

        void index(T record) {
            if (sourcedIdOf.apply(record) != null) {
                bySourcedId.put(sourcedIdOf.apply(record), record);
            }
            byKey.put(keyOf.apply(record), record);
        }

        /**
         * The record {@code sourcedId} updates (null: a new one), after checking that no other record holds
         * {@code key}; a record typed before (no sourcedId) under that key is taken over.
         */
        T match(String sourcedId, String key, Runnable conflict) {
            T record = bySourcedId.get(sourcedId);
            T holder = byKey.get(key);
            if (holder == null || holder == record) {
                return record;
            }
            if (record == null && sourcedIdOf.apply(holder) == null) {
                return holder;
            }
            conflict.run();
            return null;
        }

        T holderOf(String key) {
            return byKey.get(key);
        }

        /** Indexes the record again after its key changed. */
        void rekey(String oldKey, T record) {
            byKey.remove(oldKey, record);
            index(record);
        }
    }

    private static final class Tally {

        private int created;
        private int updated;
        private int unchanged;

        void count(boolean changed) {
            if (changed) {
                updated++;
            } else {
                unchanged++;
            }
        }

        Counts counts() {
            return new Counts(created, updated, unchanged);
        }
    }

    /** One import: the problems found against the stored records, and what it did. */
    private final class Run {

        private final Roster roster;
        private final String importedBy;
        private final Instant now;
        private final RosterProblems problems = new RosterProblems();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Long> schoolIds = new HashMap<>();
        private final Map<String, Student> studentsBySourcedId = new HashMap<>();
        private final Tally schoolTally = new Tally();
        private final Tally studentTally = new Tally();
        private final Tally guardianTally = new Tally();
        private final Tally staffTally = new Tally();

        Run(Roster roster, String importedBy, Instant now) {
            this.roster = roster;
            this.importedBy = importedBy;
            this.now = now;
        }

        Summary apply(String fileName) {
            notes.addAll(roster.notes());
            applySchools();
            applyStudents();
            applyGuardians();
            applyStaff();
            problems.throwIfAny();
            return new Summary(fileName, roster.version(), roster.sourceSystem(), schoolTally.counts(),
                    studentTally.counts(), guardianTally.counts(), staffTally.counts(), List.copyOf(notes));
        }

        private void applySchools() {
            Stored<School> stored = new Stored<>(schools.findAll(), School::getSourcedId, School::getCode);
            List<Integer> withoutGrades = new ArrayList<>();
            for (Roster.School sis : roster.schools()) {
                School school = stored.match(sis.sourcedId(), sis.code(), () -> conflict(sis.source(), "identifier",
                        "school code '" + sis.code() + "' is the code of " + stored.holderOf(sis.code()).getName()));
                if (school == null && stored.holderOf(sis.code()) != null) {
                    continue;
                }
                // OneRoster has no grade span: that of the school's students, else what is stored
                String lowest = sis.lowestGrade() != null ? sis.lowestGrade().code()
                        : school != null ? school.getLowestGrade() : Grade.TK.code();
                String highest = sis.highestGrade() != null ? sis.highestGrade().code()
                        : school != null ? school.getHighestGrade() : Grade.G12.code();
                if (school == null) {
                    school = new School(sis.code(), sis.name(), lowest, highest);
                    school.takeFromSis(sis.sourcedId(), sis.code(), sis.name(), lowest, highest);
                    schools.save(school);
                    schoolTally.created++;
                    if (sis.lowestGrade() == null) {
                        withoutGrades.add(sis.source().line());
                    }
                } else {
                    String oldCode = school.getCode();
                    schoolTally.count(school.takeFromSis(sis.sourcedId(), sis.code(), sis.name(), lowest, highest));
                    stored.rekey(oldCode, school);
                }
                stored.index(school);
                schoolIds.put(sis.sourcedId(), school.getId());
            }
            if (!withoutGrades.isEmpty()) {
                notes.add("orgs.csv: " + withoutGrades.size() + " new schools without students in the package are "
                        + "given grades TK-12 (lines " + joined(withoutGrades) + ")");
            }
        }

        private void applyStudents() {
            Stored<Student> stored = new Stored<>(students.findAll(), Student::getSourcedId,
                    Student::getStudentNumber);
            List<Integer> withoutAddress = new ArrayList<>();
            for (Roster.Student sis : roster.students()) {
                Student student = stored.match(sis.sourcedId(), sis.studentNumber(), () -> conflict(sis.source(),
                        "identifier", "student number '" + sis.studentNumber() + "' is the number of "
                                + stored.holderOf(sis.studentNumber()).fullName()));
                Long schoolId = schoolIds.get(sis.schoolSourcedId());
                if ((student == null && stored.holderOf(sis.studentNumber()) != null) || schoolId == null) {
                    continue;
                }
                if (student == null) {
                    if (sis.address() == null) {
                        withoutAddress.add(sis.source().line());
                    }
                    student = new Student(sis.studentNumber(), sis.firstName(), sis.lastName(), sis.birthDate(),
                            sis.grade(), Objects.requireNonNullElse(sis.address(), new Address("", "", "")),
                            schoolId);
                    takeFromSis(student, sis, schoolId);
                    students.save(student);
                    studentTally.created++;
                } else {
                    String oldNumber = student.getStudentNumber();
                    studentTally.count(takeFromSis(student, sis, schoolId));
                    stored.rekey(oldNumber, student);
                }
                stored.index(student);
                studentsBySourcedId.put(sis.sourcedId(), student);
            }
            if (!withoutAddress.isEmpty()) {
                notes.add("users.csv: " + withoutAddress.size() + " new students have no address, which the "
                        + "written agreement shows (AGR-02); OneRoster carries none, the columns metadata.street, "
                        + "metadata.city and metadata.postalCode give it (lines " + joined(withoutAddress) + ")");
            }
        }

        private boolean takeFromSis(Student student, Roster.Student sis, Long schoolId) {
            return student.takeFromSis(sis.sourcedId(), sis.studentNumber(), sis.firstName(), sis.lastName(),
                    sis.birthDate(), sis.grade(), sis.email(), sis.address(), schoolId);
        }

        /** A guardian row per guardian and student; changed contacts keep their earlier values (REE-05). */
        private void applyGuardians() {
            Map<String, Guardian> bySourcedIdAndStudent = new HashMap<>();
            Map<String, Guardian> typedByStudentAndName = new HashMap<>();
            for (Guardian g : guardians.findAll()) {
                if (g.getSourcedId() != null) {
                    bySourcedIdAndStudent.put(g.getSourcedId() + "|" + g.getStudentId(), g);
                } else {
                    typedByStudentAndName.putIfAbsent(g.getStudentId() + "|" + nameKey(g.getFullName()), g);
                }
            }
            for (Roster.Guardian sis : roster.guardians()) {
                for (String studentSourcedId : sis.studentSourcedIds()) {
                    Student student = studentsBySourcedId.get(studentSourcedId);
                    if (student == null) {
                        continue;
                    }
                    Guardian guardian = bySourcedIdAndStudent.get(sis.sourcedId() + "|" + student.getId());
                    if (guardian == null) {
                        guardian = typedByStudentAndName.remove(student.getId() + "|" + nameKey(sis.fullName()));
                    }
                    if (guardian == null) {
                        guardian = new Guardian(student.getId(), sis.fullName(), sis.relationship(), sis.email(),
                                sis.phone(), new Address(null, null, null));
                        guardian.takeFromSis(sis.sourcedId(), sis.fullName(), sis.relationship(), sis.email(),
                                sis.phone());
                        guardians.save(guardian);
                        guardianTally.created++;
                    } else {
                        if (!Objects.equals(guardian.getEmail(), sis.email())
                                || !Objects.equals(guardian.getPhone(), sis.phone())) {
                            contactHistory.record(new GuardianContactHistory.ContactChange(guardian.getId(),
                                    guardian.getEmail(), guardian.getPhone(), sis.email(), sis.phone(), importedBy,
                                    now, null));
                        }
                        guardianTally.count(guardian.takeFromSis(sis.sourcedId(), sis.fullName(),
                                sis.relationship(), sis.email(), sis.phone()));
                    }
                    bySourcedIdAndStudent.put(sis.sourcedId() + "|" + student.getId(), guardian);
                }
            }
        }

        /** The login (username) of a staff member is never changed by an import: the engine's users hang on it. */
        private void applyStaff() {
            Stored<StaffMember> stored = new Stored<>(staff.findAll(), StaffMember::getSourcedId,
                    StaffMember::getUsername);
            List<String> keptLogins = new ArrayList<>();
            for (Roster.Staff sis : roster.staff()) {
                StaffMember known = stored.bySourcedId.get(sis.sourcedId());
                String username = known != null ? known.getUsername() : sis.username();
                if (known != null && !known.getUsername().equals(sis.username())) {
                    keptLogins.add(sis.source().line() + " (" + known.getUsername() + ")");
                }
                StaffMember member = stored.match(sis.sourcedId(), username, () -> conflict(sis.source(), "username",
                        "username '" + username + "' is the login of " + stored.holderOf(username).getFullName()));
                if (member == null && stored.holderOf(username) != null) {
                    continue;
                }
                Long schoolId = sis.schoolSourcedId() == null ? null : schoolIds.get(sis.schoolSourcedId());
                if (member == null) {
                    member = new StaffMember(sis.username(), sis.fullName(), sis.email(), sis.role(), schoolId);
                    member.takeFromSis(sis.sourcedId(), sis.fullName(), sis.email(), sis.role(), schoolId);
                    staff.save(member);
                    staffTally.created++;
                } else {
                    staffTally.count(member.takeFromSis(sis.sourcedId(), sis.fullName(), sis.email(), sis.role(),
                            schoolId));
                }
                stored.index(member);
            }
            if (!keptLogins.isEmpty()) {
                notes.add("users.csv: the SIS gives " + keptLogins.size() + " staff members another username than "
                        + "their login, which is kept (lines " + String.join(", ", keptLogins) + ")");
            }
        }

        private void conflict(Roster.Source source, String column, String problem) {
            problems.add(source.file(), source.line(), column, problem);
        }
    }

    private static String nameKey(String fullName) {
        return fullName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String joined(List<Integer> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }
}
