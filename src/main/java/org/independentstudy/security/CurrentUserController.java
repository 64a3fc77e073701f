package org.independentstudy.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I and what may I do: the first call of any client after login. */
@RestController
class CurrentUserController {

    record CurrentUser(String username, List<String> roles) {
    }

    @GetMapping("/api/me")
    CurrentUser me(Authentication authentication) {
        return new CurrentUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList());
    }
}
