package org.independentstudy.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Nothing with student data is reachable without login. Staff log in once (/login, a session) for our pages, our
 * API and the Camunda webapps, which take that login through their container-based authentication
 * ({@link WebappLogin}); scripts use HTTP Basic on /api and /engine-rest, all against the engine's identity
 * service. Family links (/sign, /family/return) are authenticated by their token instead.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(DistrictSignOn.Settings.class)
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
    SecurityFilterChain application(HttpSecurity http, IdentityServiceAuthenticationProvider provider,
                                    ObjectProvider<ClientRegistrationRepository> districtAccounts,
                                    DistrictSignOn.Settings signOn, IdentityService identity) throws Exception {
        if (districtAccounts.getIfAvailable() != null) {
            // issue 12.2: a client registration named "district" (spring.security.oauth2.client.registration)
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/desk", false).failureUrl("/login?error")
                    .userInfoEndpoint(u -> u.oidcUserService(new DistrictSignOn(signOn, identity))));
        }
        return http
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/login"), path("/favicon.ico"), path("/assets/**")).permitAll()
                        .requestMatchers(path("/sign/**"), path("/family/return/**")).permitAll()
                        .requestMatchers(path("/actuator/health/**"), path("/error")).permitAll()
                        .anyRequest().authenticated())
                // one login: a person logs in once on /login; the session carries them through our pages, our API
                // and the Camunda webapps (WebappLogin). Scripts keep HTTP Basic, which opens no session.
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/desk", false).permitAll())
                .logout(l -> l.logoutRequestMatcher(new OrRequestMatcher(path("/logout"), WebappLogin.LOGOUT))
                        .logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.loginRequired()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(ProblemResponses.loginRequired(), scriptOrApiCall())
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(ProblemResponses.roleMayNot()))
                // CSRF guards what a logged-in browser's session cookie could be tricked into. The webapps carry
                // their own protection (Camunda's XSRF-TOKEN); a script's Basic credentials are not ambient; a
                // family's personal link is its only credential, as for signing.
                .csrf(c -> c.requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                        new OrRequestMatcher(path("/login"), WITH_SESSION_COOKIE),
                        new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/api/**"), path("/sign/**"),
                                path("/family/return/**"), WITH_CREDENTIALS)))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
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

    /**
     * A request carrying a session cookie: the ambient credential a forged cross-site form would ride on. A request
     * without one has nothing to forge and gets the 401 that tells it to log in; the login form itself is always
     * protected (login CSRF).
     */
    private static final RequestMatcher WITH_SESSION_COOKIE = request -> request.getRequestedSessionId() != null;

    /** A request that brings its own credentials (a script with HTTP Basic). */
    private static final RequestMatcher WITH_CREDENTIALS = request -> request.getHeader("Authorization") != null;

    /** Scripts and API calls get a 401 problem; a person's browser goes to the login page instead. */
    private static RequestMatcher scriptOrApiCall() {
        return new OrRequestMatcher(path("/api/**"), path("/camunda/api/**"), path("/actuator/**"), WITH_CREDENTIALS,
                new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"));
    }

    private static RequestMatcher ourPages() {
        return new OrRequestMatcher(path("/sign/**"), path("/family/return/**"), path("/teacher/**"),
                path("/desk/**"), path("/login"));
    }
}
