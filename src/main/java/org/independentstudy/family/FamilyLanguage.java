package org.independentstudy.family;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.independentstudy.errors.InvalidRequestException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The language a family reads: the student's recorded home language when the messages speak it (English, Spanish),
 * else English.
 */
@Component
public class FamilyLanguage {

    /** The languages messages.properties (English) and its translations speak. */
    private static final Set<String> SPOKEN = Set.of("en", "es");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private final NamedParameterJdbcTemplate jdbc;

    FamilyLanguage(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The language of a recorded ISO 639-1 code; English where it is none the messages speak. */
    public static Locale of(String languageCode) {
        return languageCode != null && SPOKEN.contains(languageCode.strip()) ? Locale.forLanguageTag(languageCode.strip())
                : Locale.ENGLISH;
    }

    /** The ISO 639-1 code given (e.g. {@code es}), refused naming the field when it is not one. */
    public static String codeOf(String languageCode) {
        String code = languageCode == null ? "" : languageCode.strip().toLowerCase(Locale.ROOT);
        if (!ISO_639_1.contains(code)) {
            throw InvalidRequestException.field("language", "'" + languageCode + "' is not an ISO 639-1 language code"
                    + " (en, es, vi, ...)");
        }
        return code;
    }

    /** Records the family's home language; returns the language their messages are in, English where none is. */
    public Locale record(Long studentId, String code) {
        jdbc.update("update student set home_language = :code where id = :id",
                new MapSqlParameterSource("id", studentId).addValue("code", codeOf(code)));
        return of(code);
    }

    public Locale ofStudent(Long studentId) {
        return first(jdbc.queryForList("select home_language from student where id = :id",
                new MapSqlParameterSource("id", studentId), String.class));
    }

    /** The language of the family of the case's student. */
    public Locale ofCase(Long caseId) {
        return first(jdbc.queryForList("""
                select s.home_language from student s join is_case c on c.student_id = s.id where c.id = :id""",
                new MapSqlParameterSource("id", caseId), String.class));
    }

    private static Locale first(List<String> codes) {
        return of(codes.isEmpty() ? null : codes.get(0));
    }
}
