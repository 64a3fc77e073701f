package org.independentstudy.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Tasklist, Cockpit and Admin take the person's login from our session instead of asking again: Camunda's
 * container-based authentication, fed by Spring Security. It runs after Spring Security's filter chain, which sends
 * anyone not logged in to /login first.
 */
@Configuration
class WebappLogin {

    /** The webapps' own logout button: it ends our session too, so nobody stays logged in behind it. */
    static final RequestMatcher LOGOUT = PathPatternRequestMatcher.withDefaults()
            .matcher("/camunda/api/admin/auth/user/{engine}/logout");

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                FromSpringSecurity.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Created by the webapps through reflection: a public no-argument constructor, no injection. */
    public static class FromSpringSecurity extends ContainerBasedAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication login = SecurityContextHolder.getContext().getAuthentication();
            if (login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken) {
                return AuthenticationResult.unsuccessful();
            }
            // groups are read from the engine's identity service, where every login's memberships live
            return AuthenticationResult.successful(login.getName());
        }
    }
}
