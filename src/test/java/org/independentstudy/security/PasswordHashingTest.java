package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passwords as the engine stores them. A wrong password comes last for a user: the engine then locks the user for
 * a while, and the tests' engine clock stands still.
 */
@IntegrationTest
class PasswordHashingTest {

    private static final String USER = "hashing-test";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    @AfterEach
    void removeTheUser() {
        identity.deleteUser(USER);
    }

    @Test
    @DisplayName("Security: passwords are stored with bcrypt, not the engine's salted SHA; the right one logs in, a wrong one does not")
    void passwordsAreStoredWithBcrypt() {
        assertThat(storedHashOf("counselor")).startsWith("{bcrypt}$2a$");
        ResponseEntity<Map> me = as(rest, "counselor").getForEntity("/api/me", Map.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("username", "counselor");

        User user = identity.newUser(USER);
        user.setPassword("first password");
        identity.saveUser(user);
        String firstHash = storedHashOf(USER);
        assertThat(firstHash).startsWith("{bcrypt}$2a$");
        assertThat(statusOfLogin("first password")).isEqualTo(HttpStatus.OK);

        // longer than bcrypt's 72 bytes would allow with the engine's salt appended
        String changed = "a passphrase of sixty characters, as staff are advised to use";
        user = identity.createUserQuery().userId(USER).singleResult();
        user.setPassword(changed);
        identity.saveUser(user);
        assertThat(storedHashOf(USER)).startsWith("{bcrypt}$2a$").isNotEqualTo(firstHash);
        assertThat(statusOfLogin(changed)).isEqualTo(HttpStatus.OK);

        assertThat(statusOfLogin("first password")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("Security: a password stored with the engine's salted SHA-512 before bcrypt still logs in")
    void earlierShaHashesStillLogIn() {
        User user = identity.newUser(USER);
        user.setPassword("unused");
        identity.saveUser(user);
        // as the engine stored passwords until now: SHA-512 of the password and a 16-byte salt in Base64
        String salt = "c2FsdC1vZi1zaXh0ZWVuLQ==";
        jdbc.update("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?",
                "{SHA-512}" + new Sha512HashDigest().encrypt("old password" + salt), salt, USER);

        assertThat(statusOfLogin("old password")).isEqualTo(HttpStatus.OK);
    }

    private String storedHashOf(String userId) {
        return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, userId);
    }

    private HttpStatus statusOfLogin(String password) {
        return HttpStatus.valueOf(rest.withBasicAuth(USER, password).getForEntity("/api/me", String.class)
                .getStatusCode().value());
    }
}
