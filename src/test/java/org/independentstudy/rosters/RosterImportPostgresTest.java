package org.independentstudy.rosters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.independentstudy.rosters.RosterZips.AERIES_1_1;
import static org.independentstudy.rosters.RosterZips.ONEROSTER_1_2;
import static org.independentstudy.rosters.RosterZips.changed;
import static org.independentstudy.rosters.RosterZips.resource;

import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 12.6 on PostgreSQL: the sourcedId columns and constraints of V55, and a refused import rolled back. */
class RosterImportPostgresTest extends PostgresIntegrationTest {

    @Autowired
    RosterImports imports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("Issue 12.6 on PostgreSQL: both packages import, a re-import of one finds every record unchanged, and a package whose school code is another school's is refused with nothing written")
    void importsAndRefusalsOnPostgres() {
        imports.importPackage("aeries-oneroster-1.1.zip", resource(AERIES_1_1), "admin");
        imports.importPackage("oneroster-1.2.zip", resource(ONEROSTER_1_2), "admin");

        RosterImports.Summary again = imports.importPackage("oneroster-1.2.zip", resource(ONEROSTER_1_2), "admin");

        assertThat(again.students()).isEqualTo(new RosterImports.Counts(0, 0, 3));
        assertThat(again.guardians()).isEqualTo(new RosterImports.Counts(0, 0, 4));
        assertThat(jdbc.queryForObject("select count(*) from student where sourced_id is not null", Integer.class))
                .isEqualTo(8);

        // the elementary school renamed, then the high school given the code of the Aeries district's high school
        byte[] clash = changed(changed(resource(ONEROSTER_1_2), "orgs.csv", "\"Cielo Vista Elementary\"",
                "\"Cielo Vista Elementary School\""), "orgs.csv", "\"MV-MVHS\"", "\"301\"");
        int studentsBefore = jdbc.queryForObject("select count(*) from student", Integer.class);
        assertThatThrownBy(() -> imports.importPackage("clash.zip", clash, "admin"))
                .isInstanceOf(RosterFileException.class)
                .hasMessageStartingWith("orgs.csv, line 4, identifier: school code '301' is the code of Seaside High "
                        + "School, Main Campus");
        assertThat(jdbc.queryForObject("select count(*) from student", Integer.class)).isEqualTo(studentsBefore);
        assertThat(jdbc.queryForObject("select code from school where sourced_id = ?", String.class,
                "7c2e9b4d-0a1f-4c3e-8b5d-2f1e0d9c8b03")).isEqualTo("MV-MVHS");
        assertThat(jdbc.queryForObject("select name from school where code = 'MV-CVE'", String.class))
                .isEqualTo("Cielo Vista Elementary");
    }
}
