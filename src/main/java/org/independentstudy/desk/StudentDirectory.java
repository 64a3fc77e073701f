package org.independentstudy.desk;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds students by number or by any part of their name, as staff type it at the counter. */
@Component
class StudentDirectory {

    /** A search answers a screenful; a longer list means the search should be more precise. */
    static final int MOST_FOUND = 50;

    record Found(String studentNumber, String name, String grade, String school, long openCases) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    StudentDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Found> search(String typed) {
        // each word must match the number or a name, so "lucas brown" and "brown, lucas" both find Lucas Brown
        String[] words = typed.toLowerCase(Locale.ROOT).replace(",", " ").trim().split("\\s+");
        StringBuilder where = new StringBuilder("1 = 1");
        MapSqlParameterSource parameters = new MapSqlParameterSource("most", MOST_FOUND);
        for (int i = 0; i < words.length; i++) {
            where.append(" and (lower(s.student_number) like :w").append(i).append(" or lower(s.first_name) like :w")
                    .append(i).append(" or lower(s.last_name) like :w").append(i).append(')');
            parameters.addValue("w" + i, "%" + words[i].replace("%", "").replace("_", "") + "%");
        }
        return jdbc.query("select s.student_number, s.first_name || ' ' || s.last_name as name, s.grade, "
                        + "sc.name as school, (select count(*) from is_case c where c.student_id = s.id "
                        + "and c.closed_at is null) as open_cases from student s join school sc on sc.id = s.school_id "
                        + "where " + where + " order by s.last_name, s.first_name, s.student_number "
                        + "fetch first :most rows only", parameters,
                (rs, row) -> new Found(rs.getString("student_number"), rs.getString("name"), rs.getString("grade"),
                        rs.getString("school"), rs.getLong("open_cases")));
    }
}
