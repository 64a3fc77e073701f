package org.independentstudy.rosters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.independentstudy.rosters.RosterZips.AERIES_1_1;
import static org.independentstudy.rosters.RosterZips.ONEROSTER_1_2;
import static org.independentstudy.rosters.RosterZips.changed;
import static org.independentstudy.rosters.RosterZips.csv;
import static org.independentstudy.rosters.RosterZips.resource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.independentstudy.people.Address;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Guardian.Relationship;
import org.independentstudy.people.StaffMember.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 12.6: what a OneRoster package says, and how a bad one is refused, without Spring. */
class OneRosterReaderTest {

    private static final String USERS_1_1 = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
            + "userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";

    @Test
    @DisplayName("Issue 12.6 an Aeries OneRoster 1.1 export: schools with their students' grade span, students, guardians linked from either side, staff by role; a preschooler is left out with a note")
    void aeriesOneRoster11() {
        Roster roster = read(AERIES_1_1, resource(AERIES_1_1));

        assertThat(roster.version()).isEqualTo("1.1");
        assertThat(roster.sourceSystem()).isEqualTo("Aeries");
        assertThat(roster.schools()).extracting(Roster.School::sourcedId, Roster.School::code, Roster.School::name,
                        Roster.School::lowestGrade, Roster.School::highestGrade)
                .containsExactly(tuple("101", "101", "Bayview Elementary School", Grade.TK, Grade.G3),
                        tuple("201", "201", "Harbor Middle School", Grade.G7, Grade.G7),
                        tuple("301", "301", "Seaside High School, Main Campus", Grade.G11, Grade.G12));
        assertThat(roster.students()).extracting(Roster.Student::studentNumber, Roster.Student::firstName,
                        Roster.Student::lastName, Roster.Student::birthDate, Roster.Student::grade,
                        Roster.Student::schoolSourcedId)
                .containsExactly(tuple("910001", "Sofía", "Hernández", LocalDate.of(2017, 4, 12), Grade.G3, "101"),
                        tuple("910002", "Mateo", "O'Neil", LocalDate.of(2013, 9, 30), Grade.G7, "201"),
                        tuple("910003", "Amelia", "O'Neil", LocalDate.of(2010, 1, 15), Grade.G11, "301"),
                        // no identifier: the first of userIds
                        tuple("910004", "Kiran", "Patel", LocalDate.of(2008, 11, 2), Grade.G12, "301"),
                        tuple("910005", "Nora", "Chen", LocalDate.of(2021, 10, 5), Grade.TK, "101"));
        assertThat(roster.students().get(0).email()).isEqualTo("910001@students.harborusd.org");
        assertThat(roster.students().get(0).address()).isNull();
        assertThat(roster.guardians()).extracting(Roster.Guardian::sourcedId, Roster.Guardian::fullName,
                        Roster.Guardian::relationship, Roster.Guardian::phone, Roster.Guardian::studentSourcedIds)
                .containsExactly(
                        tuple("CON_910001_1", "Maria Hernández", Relationship.PARENT, "(562) 555-0101",
                                List.of("STU_101_910001")),
                        // no phone: the sms number
                        tuple("CON_910001_2", "José Hernández", Relationship.GUARDIAN, "562-555-0102",
                                List.of("STU_101_910001")),
                        tuple("CON_910002_1", "Linh Tran", Relationship.CAREGIVER, "(562) 555-0202",
                                List.of("STU_201_910002", "STU_301_910003")),
                        // linked by the guardian's own agentSourcedIds only
                        tuple("CON_910004_1", "Anjali Patel", Relationship.PARENT, "(562) 555-0404",
                                List.of("STU_301_910004")),
                        // linked by the students' agentSourcedIds only; the preschooler is not imported
                        tuple("CON_910005_1", "Wei Chen", Relationship.PARENT, "(562) 555-0505",
                                List.of("STU_101_910005")));
        assertThat(roster.staff()).extracting(Roster.Staff::username, Roster.Staff::fullName, Roster.Staff::role,
                        Roster.Staff::schoolSourcedId)
                .containsExactly(tuple("gwashington", "Grace Washington", Role.TEACHER, "101"),
                        tuple("rmorales", "Rosa Morales", Role.TEACHER, "201"),
                        tuple("dwhitmore", "Dana Whitmore, Jr.", Role.TEACHER, "301"),
                        tuple("pokoro", "Paul Okoro", Role.PRINCIPAL, "301"),
                        tuple("itadmin", "Ivy Sandoval", Role.ADMIN, null));
        assertThat(roster.notes()).containsExactly(
                "users.csv: 1 students left out, their grade level is outside TK-12 (line 7)");
    }

    @Test
    @DisplayName("Issue 12.6 a OneRoster 1.2 export in a folder: roles from roles.csv (the primary one), the address from metadata.* columns, demographics with its columns in another order, a school without students")
    void oneRoster12() {
        Roster roster = read(ONEROSTER_1_2, resource(ONEROSTER_1_2));

        assertThat(roster.version()).isEqualTo("1.2");
        assertThat(roster.sourceSystem()).isEqualTo("Mesa Verde SIS");
        assertThat(roster.schools()).extracting(Roster.School::code, Roster.School::lowestGrade,
                        Roster.School::highestGrade)
                .containsExactly(tuple("MV-CVE", Grade.K, Grade.G2), tuple("MV-MVHS", Grade.G10, Grade.G10),
                        tuple("MV-ISA", null, null));
        Roster.Student ava = roster.students().get(0);
        assertThat(ava.studentNumber()).isEqualTo("700101");
        assertThat(ava.birthDate()).isEqualTo(LocalDate.of(2018, 6, 21));
        assertThat(ava.address()).isEqualTo(new Address("1450 Orchard Ln, Apt 2", "Riverside", "92503"));
        assertThat(ava.schoolSourcedId()).isEqualTo("3f9a6c1e-52b4-4d8e-a0c7-1e2d3c4b5a02");
        // the legal name, not the preferred one
        assertThat(roster.students().get(1).firstName()).isEqualTo("Benjamin");
        Map<String, Roster.Guardian> guardians = byName(roster.guardians(), Roster.Guardian::fullName);
        assertThat(guardians.get("Thanh Nguyen").studentSourcedIds()).hasSize(2);
        assertThat(guardians.get("Hoa Pham").relationship()).isEqualTo(Relationship.CAREGIVER);
        assertThat(guardians.get("Hoa Pham").phone()).isEqualTo("951-555-0130");
        assertThat(guardians.get("Lucía Ramírez").phone()).isEqualTo("951-555-0110");
        Map<String, Roster.Staff> staff = byName(roster.staff(), Roster.Staff::username);
        // a teacher whose secondary role (at the academy) comes first in roles.csv
        assertThat(staff.get("kfoster").schoolSourcedId()).isEqualTo("7c2e9b4d-0a1f-4c3e-8b5d-2f1e0d9c8b03");
        assertThat(staff.get("jlee").role()).isEqualTo(Role.COUNSELOR);
        assertThat(staff.get("sbrooks").role()).isEqualTo(Role.ADMIN);
        assertThat(staff.get("sbrooks").schoolSourcedId()).isNull();
        assertThat(staff.get("tmoreno").role()).isEqualTo(Role.PRINCIPAL);
    }

    @Test
    @DisplayName("Issue 12.6 a student's agent that is not in users.csv is refused naming users.csv, the line and agentSourcedIds")
    void unknownAgentNamesTheLine() {
        byte[] zip = changed(resource(AERIES_1_1), "users.csv", ",,CON_910002_1,07", ",,CON_999999_1,07");

        assertThat(problems(zip)).containsExactly(
                new RosterFileException.Problem("users.csv", 3, "agentSourcedIds",
                        "'CON_999999_1' is not a user of users.csv"));
    }

    @Test
    @DisplayName("Issue 12.6 a birth date that is not a date is refused naming demographics.csv, the line and birthDate")
    void badBirthDateNamesTheLine() {
        byte[] zip = changed(resource(AERIES_1_1), "demographics.csv", "2013-09-30", "2013-09-31");

        assertThat(problems(zip)).containsExactly(new RosterFileException.Problem("demographics.csv", 3,
                "birthDate", "'2013-09-31' is not a date (yyyy-MM-dd)"));
    }

    @Test
    @DisplayName("Issue 12.6 a student without a row in demographics.csv has no birth date: refused naming the student's line")
    void studentWithoutBirthDate() {
        byte[] zip = changed(resource(AERIES_1_1), "demographics.csv",
                "STU_301_910003,,,2010-01-15,female,false,false,false,false,true,false,false,US,CA,Los Angeles,\r\n",
                "");

        assertThat(problems(zip)).containsExactly(new RosterFileException.Problem("users.csv", 4, "birthDate",
                "demographics.csv has no birth date for this student"));
    }

    @Test
    @DisplayName("Issue 12.6 only a student's birth date is needed: a parent's unreadable one in demographics.csv is no error")
    void onlyStudentsBirthDatesAreChecked() {
        Map<String, String> files = district(List.of("st-1,2015-02-01", "p-1,1980-02-30"),
                "st-1,,,true,sch-1,student,,,Ana,Diaz,,1001,,,,p-1,05,",
                "p-1,,,true,sch-1,parent,,,Pia,Diaz,,,,,,,,");

        assertThat(read("test.zip", RosterZips.zip(files)).guardians()).extracting(Roster.Guardian::fullName)
                .containsExactly("Pia Diaz");
    }

    @Test
    @DisplayName("Issue 12.6 all problems of a package are listed at once: an unknown role, a teacher as a student's agent, an org that does not exist")
    void everyProblemListed() {
        Map<String, String> files = district(List.of("st-1,2015-02-01"),
                "st-1,,,true,sch-1,student,,,Ana,Diaz,,1001,,,,t-1,05,",
                "t-1,,,true,sch-1,teacher,tdiaz,,Tom,Diaz,,,tdiaz@district.example,,,,,",
                "x-1,,,true,sch-9,teacherr,x,,X,Y,,,x@district.example,,,,,");

        assertThat(problems(RosterZips.zip(files))).extracting(RosterFileException.Problem::line,
                        RosterFileException.Problem::column, RosterFileException.Problem::problem)
                .containsExactlyInAnyOrder(tuple(4, "orgSourcedIds", "'sch-9' is not an org of orgs.csv"),
                        tuple(4, "role", "'teacherr' is not a OneRoster role"),
                        tuple(2, "agentSourcedIds", "'t-1' is a teacher, not a parent, guardian or relative"));
    }

    @Test
    @DisplayName("Issue 12.6 a quoted field with a line break: a later error names the line an editor shows, and the text keeps its comma and quotes")
    void quotedLineBreaksCountAsLines() {
        Map<String, String> files = district(List.of("st-1,2015-02-01", "st-2,2017-03-01"),
                "st-1,,,true,sch-1,student,,,Ana,\"Diaz, \"\"Annie\"\"\",\"Maria\r\nJose\",1001,,,,p-1,05,",
                "p-1,,,true,sch-1,parent,,,Pia,Diaz,,,,,,,,",
                "st-2,,,true,sch-1,student,,,Leo,Diaz,,1002,,,,nobody,03,");

        assertThat(problems(RosterZips.zip(files))).extracting(RosterFileException.Problem::line)
                .containsExactly(5);
        files.put("users.csv", files.get("users.csv").replace("nobody", "p-1"));
        assertThat(read("test.zip", RosterZips.zip(files)).students().get(0).lastName()).isEqualTo("Diaz, \"Annie\"");
    }

    @Test
    @DisplayName("Issue 12.6 columns in any order, in any case, unknown ones ignored; a file without BOM and with LF line ends reads the same")
    void headerOrderAndUnknownColumns() {
        Map<String, String> files = district(List.of());
        files.put("users.csv", "GRADES,familyname,givenName,role,orgSourcedIds,sourcedId,identifier,x.custom\n"
                + "04,Diaz,Ana,student,sch-1,st-1,1001,whatever\n");
        files.put("demographics.csv", "birthDate,sourcedId\n2016-05-05,st-1\n");

        assertThat(read("test.zip", RosterZips.zip(files)).students()).extracting(Roster.Student::studentNumber,
                Roster.Student::grade).containsExactly(tuple("1001", Grade.G4));
    }

    @Test
    @DisplayName("Issue 12.6 an unquoted comma shifts the fields: refused naming the line, never read misaligned")
    void fieldCountMismatch() {
        byte[] zip = changed(resource(AERIES_1_1), "orgs.csv", "\"Seaside High School, Main Campus\"",
                "Seaside High School, Main Campus");

        // then each reference to the school is an error of its own
        assertThat(problems(zip).get(0)).isEqualTo(new RosterFileException.Problem("orgs.csv", 5, null,
                "has 8 fields, the header 7 (an unquoted comma?)"));
    }

    @Test
    @DisplayName("Issue 12.6 a delta package is refused naming the manifest line; so is a package that is not a zip, or has no users.csv")
    void deltaAndUnreadablePackages() {
        byte[] delta = changed(resource(AERIES_1_1), "manifest.csv", "file.users,bulk", "file.users,delta");
        assertThat(problems(delta)).extracting(RosterFileException.Problem::file, RosterFileException.Problem::line,
                RosterFileException.Problem::column).containsExactly(tuple("manifest.csv", 16, "value"));

        assertThat(problems("orgs.csv\r\nnot a zip".getBytes(StandardCharsets.UTF_8)))
                .extracting(RosterFileException.Problem::problem).first().asString().startsWith("not a zip file");

        Map<String, String> files = district(List.of());
        files.remove("users.csv");
        assertThat(problems(RosterZips.zip(files))).extracting(RosterFileException.Problem::problem)
                .containsExactly("the package has no users.csv");
    }

    @Test
    @DisplayName("Issue 12.6 OneRoster 1.2 without roles.csv, though the manifest says it is there: refused")
    void oneRoster12WithoutRoles() {
        Map<String, String> files = RosterZips.entries(resource(ONEROSTER_1_2));
        files.keySet().removeIf(name -> name.endsWith("roles.csv"));

        assertThat(problems(RosterZips.zip(files))).extracting(RosterFileException.Problem::file,
                        RosterFileException.Problem::problem)
                .contains(tuple("manifest.csv", "the manifest says roles.csv is bulk, but the package has no roles.csv"));
    }

    /** A district with one school, the users.csv rows of OneRoster 1.1 given and the demographics given. */
    private static Map<String, String> district(List<String> birthDates, String... users) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orgs.csv", csv("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
                "d-1,,,Test District,district,,", "sch-1,,,Test School,school,TS1,d-1"));
        files.put("users.csv", csv(Stream.concat(Stream.of(USERS_1_1), Stream.of(users)).toArray(String[]::new)));
        files.put("demographics.csv", csv(Stream.concat(Stream.of("sourcedId,birthDate"), birthDates.stream())
                .toArray(String[]::new)));
        return files;
    }

    private static Roster read(String name, byte[] zip) {
        return OneRosterReader.read(OneRosterPackage.read(name, zip));
    }

    private static List<RosterFileException.Problem> problems(byte[] zip) {
        return catchThrowableOfType(RosterFileException.class, () -> read("test.zip", zip)).problems();
    }

    private static <T> Map<String, T> byName(List<T> records, Function<T, String> name) {
        return records.stream().collect(Collectors.toMap(name, r -> r));
    }
}
