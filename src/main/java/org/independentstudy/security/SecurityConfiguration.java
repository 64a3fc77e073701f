package org.independentstudy.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Nothing with student data is reachable without login. Our API and /engine-rest use HTTP Basic against the
 * engine's identity service; the Camunda webapps (/camunda) have their own login against the same store.
 * Family signing links (/sign) are authenticated by their single-use token instead.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Our own pages load nothing from elsewhere; their only inline code is each page's style element. Forms post
     * back to us, and no other site may frame a page (clickjacking a signature).
     */
    private static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Servlet paths, not MVC routes: /engine-rest (Jersey) and /camunda are not Spring MVC handlers. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService,
                                   IdentityServiceAuthenticationProvider provider) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(Roles.ANALYST, Roles.ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.loginRequired()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.loginRequired())
                        .accessDeniedHandler(ProblemResponses.roleMayNot()))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, IdentityServiceAuthenticationProvider provider)
            throws Exception {
        return http
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a
                        // Camunda webapps guard themselves with their own login and CSRF protection
                        .requestMatchers(path("/camunda/**"), path("/"), path("/favicon.ico")).permitAll()
                        .requestMatchers(path("/sign/**"), path("/family/return/**"), path("/assets/**")).permitAll()
                        .requestMatchers(path("/actuator/health/**"), path("/error")).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.loginRequired()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.loginRequired())
                        .accessDeniedHandler(ProblemResponses.roleMayNot()))
                // the webapps carry their own CSRF protection; our API is stateless HTTP Basic
                // a family's personal link is its only credential, as for signing
                .csrf(c -> c.ignoringRequestMatchers(path("/camunda/**"), path("/api/**"), path("/sign/**"),
                        path("/family/return/**")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // nosniff and X-Frame-Options: DENY are Spring Security's defaults on every response; the Camunda
                // webapps send their own Content-Security-Policy (camunda.bpm.webapp.header-security), so ours
                // goes on our pages only. Family links carry their token in the URL: no Referer may leak it.
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ourPages(),
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ourPages(),
                                new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER))))
                .build();
    }

    private static RequestMatcher ourPages() {
        return new OrRequestMatcher(path("/sign/**"), path("/family/return/**"), path("/teacher/**"));
    }
}
