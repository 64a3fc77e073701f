package org.independentstudy.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The identity service stores new and changed passwords as bcrypt ({@code {bcrypt}$2a$10$...}) instead of the
 * engine's salted SHA-512: a stolen user table then costs an attacker a slow, adaptive hash per guess. Passwords
 * hashed before stay valid, since the engine always checks its own SHA hashes too, until they are next changed.
 */
@Component
class BcryptPasswordHashing extends AbstractProcessEnginePlugin {

    /** bcrypt's cost: a hash takes 2^cost rounds. Every HTTP Basic call checks the password, so tests lower it. */
    private final int cost;

    BcryptPasswordHashing(@Value("${isp.security.password-hash-cost:10}") int cost) {
        this.cost = cost;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new SpringPasswordEncryptor("bcrypt", new BCryptPasswordEncoder(cost)));
        // bcrypt salts each hash itself; the engine's salt, appended to the password, would only use up 24 of the
        // 72 bytes bcrypt reads, and longer passwords could no longer be set
        configuration.setSaltGenerator(() -> "");
    }

    /** A Spring Security encoder as the engine's hash; the engine prefixes each hash with {@code {name}}. */
    private record SpringPasswordEncryptor(String hashAlgorithmName, PasswordEncoder encoder)
            implements PasswordEncryptor {

        @Override
        public String encrypt(String password) {
            return encoder.encode(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            return encoder.matches(password, encrypted);
        }
    }
}
