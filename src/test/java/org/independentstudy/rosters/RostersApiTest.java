package org.independentstudy.rosters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.independentstudy.rosters.RosterZips.AERIES_1_1;
import static org.independentstudy.rosters.RosterZips.ONEROSTER_1_2;
import static org.independentstudy.rosters.RosterZips.changed;
import static org.independentstudy.rosters.RosterZips.csv;
import static org.independentstudy.rosters.RosterZips.resource;
import static org.independentstudy.support.Api.as;

import java.sql.Date;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.Uploads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class RostersApiTest {

    private static final String THANH_NGUYEN = "u-0012-5e1b-4c2a-9f3d-8a7b6c5d4e3f";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("Issue 12.6 an Aeries OneRoster 1.1 zip imported by an administrator: schools, students with birth dates, guardians with their contacts linked to each of their students, staff by role; the import is listed")
    void aeriesOneRoster11() {
        ResponseEntity<Map> response = upload("admin", AERIES_1_1, resource(AERIES_1_1));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> summary = response.getBody();
        assertThat(summary).containsEntry("oneRosterVersion", "1.1").containsEntry("sourceSystem", "Aeries");
        // the first import creates, any later one finds them unchanged: together always the whole roster
        assertThat(createdOrUnchanged(summary)).containsExactly(3, 5, 6, 5);
        assertThat((List<String>) summary.get("notes"))
                .contains("users.csv: 1 students left out, their grade level is outside TK-12 (line 7)");

        assertThat(jdbc.queryForMap("""
                select s.first_name, s.last_name, s.birth_date, s.grade, s.email, sc.code, sc.name
                  from student s join school sc on sc.id = s.school_id where s.sourced_id = 'STU_101_910001'"""))
                .containsValues("Sofía", "Hernández", Date.valueOf("2017-04-12"), "3", "910001@students.harborusd.org",
                        "101", "Bayview Elementary School");
        assertThat(jdbc.queryForList("select lowest_grade, highest_grade from school where sourced_id = '101'"))
                .containsExactly(Map.of("LOWEST_GRADE", "TK", "HIGHEST_GRADE", "3"));
        assertThat(guardiansOf("910001")).containsExactly(
                tuple("Maria Hernández", "PARENT", "maria.hernandez@example.com", "(562) 555-0101"),
                tuple("José Hernández", "GUARDIAN", null, "562-555-0102"));
        assertThat(guardiansOf("910002")).containsExactly(tuple("Linh Tran", "CAREGIVER", "linh.tran@example.com",
                "(562) 555-0202"));
        assertThat(guardiansOf("910003")).isEqualTo(guardiansOf("910002"));
        assertThat(guardiansOf("910004")).extracting(t -> t.toList().get(0)).containsExactly("Anjali Patel");
        assertThat(jdbc.queryForObject("select count(*) from student where sourced_id = 'STU_101_910006'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("""
                select m.username, m.full_name, m.role, sc.code from staff_member m left join school sc
                    on sc.id = m.school_id where m.sourced_id in ('TCH_301_410', 'TCH_201_500', 'ADM_301_2', 'ADM_HUSD_1')
                 order by m.username""").stream().map(r -> tuple(r.values().toArray())).toList())
                .containsExactly(tuple("dwhitmore", "Dana Whitmore, Jr.", "TEACHER", "301"),
                        tuple("itadmin", "Ivy Sandoval", "ADMIN", null),
                        tuple("pokoro", "Paul Okoro", "PRINCIPAL", "301"),
                        tuple("rmorales", "Rosa Morales", "TEACHER", "201"));

        ResponseEntity<List> history = as(rest, "admin").getForEntity("/api/rosters", List.class);
        assertThat(history.getBody()).anySatisfy(i -> assertThat((Map<String, Object>) i)
                .containsEntry("fileName", "aeries-oneroster-1.1.zip").containsEntry("sourceSystem", "Aeries")
                .containsEntry("importedBy", "admin").containsKey("importedAt"));
    }

    @Test
    @DisplayName("Issue 12.6 a OneRoster 1.2 zip imported again unchanged changes nothing; again with a guardian's new phone and one new student: one student created, the guardian updated with the old phone kept, no duplicates")
    void oneRoster12ReimportUpdatesWithoutDuplicates() {
        assertThat(upload("admin", ONEROSTER_1_2, resource(ONEROSTER_1_2)).getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, Object> again = upload("admin", ONEROSTER_1_2, resource(ONEROSTER_1_2)).getBody();
        assertThat(again).containsEntry("oneRosterVersion", "1.2").containsEntry("sourceSystem", "Mesa Verde SIS");
        assertThat(again.get("schools")).isEqualTo(counts(0, 0, 3));
        assertThat(again.get("students")).isEqualTo(counts(0, 0, 3));
        assertThat(again.get("guardians")).isEqualTo(counts(0, 0, 4));
        assertThat(again.get("staff")).isEqualTo(counts(0, 0, 5));

        ResponseEntity<Map> changed = upload("admin", ONEROSTER_1_2, withNewPhoneAndNewStudent());

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("students")).isEqualTo(counts(1, 0, 3));
        // Thanh Nguyen is the parent of two students: two rows; the new student's mother is a new row
        assertThat(changed.getBody().get("guardians")).isEqualTo(counts(1, 2, 2));
        assertThat(jdbc.queryForObject("select count(*) from student where sourced_id like 'u-%'", Integer.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForList("select phone from guardian where sourced_id = ?", String.class, THANH_NGUYEN))
                .containsExactly("951-555-0199", "951-555-0199");
        assertThat(jdbc.queryForList("""
                select c.phone_before, c.phone_after, c.changed_by from guardian_contact_change c
                  join guardian g on g.id = c.guardian_id where g.sourced_id = ?""", THANH_NGUYEN))
                .hasSize(2).allSatisfy(c -> assertThat(c).containsValues("951-555-0120", "951-555-0199", "admin"));
        assertThat(jdbc.queryForMap("""
                select s.first_name, s.street, s.city, s.postal_code, sc.code from student s
                  join school sc on sc.id = s.school_id where s.student_number = '700104'"""))
                .containsValues("Diego", "1450 Orchard Ln, Apt 2", "Riverside", "92503", "MV-CVE");
        assertThat(guardiansOf("700104")).extracting(t -> t.toList().get(0)).containsExactly("Lucía Ramírez");
    }

    @Test
    @DisplayName("Issue 12.6 a package with a student's agent that does not exist is a 400 problem naming users.csv, line 3 and the column; nothing is written")
    void badPackageIsRefusedNamingFileAndLine() {
        Map<String, Integer> before = tableCounts();
        byte[] zip = changed(resource(AERIES_1_1), "users.csv", ",,CON_910002_1,07", ",,CON_999999_1,07");

        ResponseEntity<Map> response = upload("admin", AERIES_1_1, zip);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("file", "users.csv").containsEntry("line", 3)
                .containsEntry("column", "agentSourcedIds").doesNotContainKey("trace");
        assertThat((String) response.getBody().get("detail")).startsWith(
                "users.csv, line 3, agentSourcedIds: 'CON_999999_1' is not a user of users.csv").contains(
                "Nothing of the roster was imported");
        assertThat(tableCounts()).isEqualTo(before);
    }

    @Test
    @DisplayName("Issue 12.6 a conflict found while saving (a student number twice) rolls back the whole import: the school and the student already saved are gone")
    void conflictWhileSavingRollsBackEverything() {
        Map<String, Integer> before = tableCounts();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orgs.csv", csv("sourcedId,name,type,identifier", "rb-d,Rollback District,district,",
                "rb-s,Rollback School,school,RB-1"));
        files.put("users.csv", csv("sourcedId,role,orgSourcedIds,givenName,familyName,identifier,grades",
                "rb-1,student,rb-s,Ana,Rollback,880001,05", "rb-2,student,rb-s,Ben,Rollback,880001,06"));
        files.put("demographics.csv", csv("sourcedId,birthDate", "rb-1,2015-01-01", "rb-2,2014-01-01"));

        ResponseEntity<Map> response = upload("admin", "rollback.zip", RosterZips.zip(files));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("file", "users.csv").containsEntry("line", 3)
                .containsEntry("column", "identifier");
        assertThat((String) response.getBody().get("detail")).contains("student number '880001' is the number of "
                + "Ana Rollback");
        assertThat(tableCounts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from school where code = 'RB-1'", Integer.class)).isZero();
    }

    @Test
    @DisplayName("Issue 12.6 only administrators import rosters or list the imports: a counselor and a principal get 403")
    void onlyAdministrators() {
        for (String user : List.of("counselor", "principal")) {
            assertThat(upload(user, AERIES_1_1, resource(AERIES_1_1)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(rest, user).getForEntity("/api/rosters", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    /** The 1.2 package with Thanh Nguyen's phone changed and Ava's brother Diego (grade 4) added. */
    private static byte[] withNewPhoneAndNewStudent() {
        String diego = "u-0004-5e1b-4c2a-9f3d-8a7b6c5d4e3f";
        String lucia = "u-0011-5e1b-4c2a-9f3d-8a7b6c5d4e3f";
        String school = "3f9a6c1e-52b4-4d8e-a0c7-1e2d3c4b5a02";
        String at = "2026-09-08T23:00:05.000Z";
        byte[] zip = changed(resource(ONEROSTER_1_2), "users.csv", "\"951-555-0120\"", "\"951-555-0199\"");
        String users = RosterZips.entries(zip).entrySet().stream().filter(e -> e.getKey().endsWith("users.csv"))
                .findFirst().orElseThrow().getValue();
        zip = changed(zip, "users.csv", users, users + quoted(diego, "active", at, "true", "diego.ramirez",
                "{SIS:700104}", "Diego", "Ramírez", "", "700104", "diego.ramirez@student.mvusd.net", "", "", lucia,
                "04", "", "1234567893", "", "", "", "", school, "", "1450 Orchard Ln, Apt 2", "Riverside", "92503",
                "es"));
        zip = changed(zip, "roles.csv", "\"r-11\"", quoted("r-4", "active", at, diego, "primary", "student",
                "2026-09-08", "", school, "").strip() + "\r\n\"r-11\"");
        return changed(zip, "demographics.csv", "\"2018-06-21\"", quoted("2016-02-29", diego, "male", "active", at,
                "true", "false", "false", "false", "false", "true", "false", "US", "CA", "Riverside", "01652",
                "1234567893").strip() + "\r\n\"2018-06-21\"");
    }

    private static String quoted(String... fields) {
        return Arrays.stream(fields).map(f -> '"' + f + '"').collect(Collectors.joining(",")) + "\r\n";
    }

    private static Map<String, Integer> counts(int created, int updated, int unchanged) {
        return Map.of("created", created, "updated", updated, "unchanged", unchanged);
    }

    /** Per kind (schools, students, guardians, staff): created plus unchanged, when nothing was updated. */
    private static List<Integer> createdOrUnchanged(Map<String, Object> summary) {
        return List.of("schools", "students", "guardians", "staff").stream().map(kind -> {
            Map<String, Integer> counts = (Map<String, Integer>) summary.get(kind);
            assertThat(counts.get("updated")).as(kind + " updated").isZero();
            return counts.get("created") + counts.get("unchanged");
        }).toList();
    }

    private List<org.assertj.core.groups.Tuple> guardiansOf(String studentNumber) {
        return jdbc.queryForList("""
                select g.full_name, g.relationship, g.email, g.phone from guardian g
                  join student s on s.id = g.student_id where s.student_number = ? order by g.id""", studentNumber)
                .stream().map(r -> tuple(r.values().toArray())).toList();
    }

    private Map<String, Integer> tableCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("school", "student", "guardian", "staff_member", "guardian_contact_change",
                "roster_import")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        return counts;
    }

    private ResponseEntity<Map> upload(String user, String path, byte[] zip) {
        return as(rest, user).postForEntity("/api/rosters", Uploads.file(path.substring(path.lastIndexOf('/') + 1),
                zip), Map.class);
    }
}
