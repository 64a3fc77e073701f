package org.independentstudy.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The token of a signing link: its claims (version, role, signer, e-mail, issue and expiry) and an
 * HMAC-SHA256 over them with the installation's secret, both base64url. Deterministic, so a failed e-mail can
 * be sent again without storing the token; only its SHA-256 is stored.
 */
@Component
class LinkTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far above any real token; longer input is refused before any work is done on it. */
    private static final int MAX_TOKEN_LENGTH = 2000;

    private final SecretKeySpec key;

    LinkTokens(SigningProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String tokenFor(List<String> claims) {
        byte[] payload = String.join("\n", claims).getBytes(StandardCharsets.UTF_8);
        return BASE64.encodeToString(payload) + "." + BASE64.encodeToString(mac(payload));
    }

    /** False for anything not issued with this installation's secret: tampered, truncated, forged. */
    boolean isAuthentic(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(mac(payload), signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** The claims of an authentic token, in order; empty for anything else. */
    Optional<List<String>> claimsOf(String token) {
        if (!isAuthentic(token)) {
            return Optional.empty();
        }
        byte[] payload = DECODER.decode(token.substring(0, token.indexOf('.')));
        return Optional.of(List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
