package org.independentstudy.signing;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Runs a step as the family member who holds the signing link, so the case record names them (not "system")
 * as the actor. The authentication carries no role: it opens nothing else, and lives only for this call.
 */
final class ActingFamilyMember {

    private ActingFamilyMember() {
    }

    static <T> T call(String signerIdentity, Supplier<T> step) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext family = SecurityContextHolder.createEmptyContext();
        family.setAuthentication(new PreAuthenticatedAuthenticationToken(signerIdentity, "signing link", List.of()));
        SecurityContextHolder.setContext(family);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
