package org.independentstudy.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The engine's identity groups and the application roles they grant. The identity service is the one user
 * store: Tasklist, Cockpit, /engine-rest and our API all log in against it.
 */
public final class Roles {

    public static final String COUNSELOR = "COUNSELOR";
    public static final String TEACHER = "TEACHER";
    public static final String PRINCIPAL = "PRINCIPAL";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";
    public static final String SPECIAL_EDUCATION = "SPECIAL_EDUCATION";

    public static final String COUNSELORS_GROUP = "counselors";
    public static final String TEACHERS_GROUP = "teachers";
    public static final String PRINCIPALS_GROUP = "principals";
    public static final String ANALYSTS_GROUP = "analysts";
    public static final String ADMINS_GROUP = "admins";
    public static final String SPECIAL_EDUCATION_GROUP = "special-education";

    /** Group id to role; Camunda's own administrators group counts as admins. */
    public static final Map<String, String> ROLE_OF_GROUP = Map.of(
            COUNSELORS_GROUP, COUNSELOR,
            TEACHERS_GROUP, TEACHER,
            PRINCIPALS_GROUP, PRINCIPAL,
            ANALYSTS_GROUP, ANALYST,
            ADMINS_GROUP, ADMIN,
            SPECIAL_EDUCATION_GROUP, SPECIAL_EDUCATION,
            "camunda-admin", ADMIN);

    /** The groups this application creates, with their display names. */
    public static final Map<String, String> GROUP_NAMES = Map.of(
            COUNSELORS_GROUP, "Counselors",
            TEACHERS_GROUP, "Teachers",
            PRINCIPALS_GROUP, "Principals",
            ANALYSTS_GROUP, "Process analysts",
            ADMINS_GROUP, "District IT administrators",
            SPECIAL_EDUCATION_GROUP, "Special education coordinators");

    private Roles() {
    }

    public static Optional<String> roleOf(String groupId) {
        return Optional.ofNullable(ROLE_OF_GROUP.get(groupId));
    }

    /** The authenticated user holds the role (one of the constants above). */
    public static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
