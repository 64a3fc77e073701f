package org.independentstudy.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Logs users in against the engine's identity service and grants the roles of their groups. */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    IdentityServiceAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (username == null || username.isBlank() || !identityService.checkPassword(username, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<String> groups = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).toList();
        List<GrantedAuthority> authorities = groups.stream()
                .flatMap(g -> Roles.roleOf(g).stream())
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        token.setDetails(new EngineGroups(groups));
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The user's engine group ids, kept so engine calls can run with the user's own authorizations. */
    record EngineGroups(List<String> ids) {
    }
}
