package org.independentstudy.security;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Issue 12.4: staff see the cases of their own school in Tasklist. A task offered to a role group ("counselors")
 * for a case at a school is granted, per task, to that role at that school ("counselors.lin") and to the role
 * district-wide ("counselors.district"), not to every counselor ({@link SchoolScopedTaskAuthorizations}). A person
 * is in their role group, which says what they may do, and in one or more of these scope groups, which say where.
 */
@Component
public class SchoolScopes {

    /** The role groups whose tasks belong to a school's cases. */
    public static final List<String> CASE_ROLE_GROUPS = List.of(Roles.COUNSELORS_GROUP, Roles.TEACHERS_GROUP,
            Roles.PRINCIPALS_GROUP, Roles.SPECIAL_EDUCATION_GROUP);
    static final String DISTRICT = "district";

    private final IdentityService identity;

    SchoolScopes(IdentityService identity) {
        this.identity = identity;
    }

    /** The group of a role at one school, named by the school's code ("counselors.lin"). */
    public static String atSchool(String roleGroup, String schoolCode) {
        return roleGroup + "." + schoolCode.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    /** The group of a role across the district ("counselors.district"). */
    public static String districtWide(String roleGroup) {
        return roleGroup + "." + DISTRICT;
    }

    /** Puts the user in the role at the school, or district-wide when no school is given. */
    public void join(String username, String roleGroup, String schoolCode) {
        String scope = schoolCode == null ? districtWide(roleGroup) : atSchool(roleGroup, schoolCode);
        if (identity.createGroupQuery().groupId(scope).count() == 0) {
            Group group = identity.newGroup(scope);
            group.setName(Roles.GROUP_NAMES.get(roleGroup) + (schoolCode == null ? ", district-wide" : ", " + schoolCode));
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
        if (identity.createGroupQuery().groupId(scope).groupMember(username).count() == 0) {
            identity.createMembership(username, scope);
        }
    }
}
