package org.independentstudy.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Issue 12.2: staff sign on with the district's own accounts (Google Workspace, Microsoft Entra ID) through OpenID
 * Connect. The provider's groups become our roles as configured ({@code isp.sign-on.groups}); the person then
 * exists in the engine's identity service with exactly those groups, so Tasklist and the engine's authorizations
 * treat them as any local user. Someone in none of the configured groups is not let in.
 */
class DistrictSignOn extends OidcUserService {

    /** How provider accounts map to ours; only read when a client registration exists. */
    @ConfigurationProperties("isp.sign-on")
    record Settings(String usernameClaim, String groupsClaim, Map<String, String> groups) {

        Settings {
            usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
            groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
            groups = groups == null ? Map.of() : Map.copyOf(groups);
        }
    }

    private final Settings settings;
    private final IdentityService identity;

    DistrictSignOn(Settings settings, IdentityService identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser provided = super.loadUser(request);
        String username = provided.getClaimAsString(settings.usernameClaim());
        if (username == null || username.isBlank()) {
            throw refused("the district account has no " + settings.usernameClaim());
        }
        username = username.strip().toLowerCase(java.util.Locale.ROOT);
        Set<String> groups = new LinkedHashSet<>();
        List<String> providerGroups = provided.getClaimAsStringList(settings.groupsClaim());
        for (String providerGroup : providerGroups == null ? List.<String>of() : providerGroups) {
            String ours = settings.groups().get(providerGroup);
            // a role ("counselors") or a role where it is worked ("counselors.jef", "counselors.district")
            if (ours != null && Roles.roleOf(roleGroupOf(ours)).isPresent()) {
                groups.add(roleGroupOf(ours));
                groups.add(ours);
            }
        }
        if (groups.isEmpty()) {
            throw refused("the district account is in no group that has a role here");
        }
        try {
            keepInIdentityService(username, provided, groups);
        } catch (ProcessEngineException notStorable) {
            throw refused("the district account cannot be used here: " + notStorable.getMessage());
        }
        Collection<GrantedAuthority> authorities = groups.stream().flatMap(g -> Roles.roleOf(g).stream()).distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new DefaultOidcUser(authorities, provided.getIdToken(), new org.springframework.security.oauth2.core
                .oidc.OidcUserInfo(Map.of("sub", provided.getSubject(), "username", username)), "username");
    }

    /** The engine user and its memberships, as the provider says today: a group removed there is removed here. */
    private void keepInIdentityService(String username, OidcUser provided, Set<String> groups) {
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null) {
            user = identity.newUser(username);
        }
        user.setFirstName(provided.getGivenName());
        user.setLastName(provided.getFamilyName());
        user.setEmail(provided.getEmail());
        identity.saveUser(user);
        Set<String> current = new LinkedHashSet<>();
        for (Group group : identity.createGroupQuery().groupMember(username).list()) {
            current.add(group.getId());
        }
        for (String group : current) {
            if (!groups.contains(group) && Roles.roleOf(roleGroupOf(group)).isPresent()) {
                identity.deleteMembership(username, group);
            }
        }
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group created = identity.newGroup(group);
                created.setName(group);
                created.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
                identity.saveGroup(created);
            }
            if (!current.contains(group)) {
                identity.createMembership(username, group);
            }
        }
    }

    /** "counselors.jef" is the counselors' group at one school ({@link SchoolScopes}); "counselors" is itself. */
    private static String roleGroupOf(String group) {
        int dot = group.indexOf('.');
        return dot < 0 ? group : group.substring(0, dot);
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
