package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.independentstudy.records.Sha256;

class LinkTokensTest {

    private static final List<String> CLAIMS = List.of("42", "PARENT", "guardian:7", "ana@example.org",
            "1789000000", "1790000000");

    private static LinkTokens withSecret(String secret) {
        return new LinkTokens(new SigningProperties(secret, false, Duration.ofDays(14)));
    }

    private final LinkTokens tokens = withSecret("a-secret-of-the-district-of-32-characters");

    @Test
    @DisplayName("AGR-08 a token issued with the installation's secret is authentic and always the same")
    void issuedTokenIsAuthentic() {
        String token = tokens.tokenFor(CLAIMS);
        assertThat(tokens.isAuthentic(token)).isTrue();
        assertThat(tokens.tokenFor(CLAIMS)).isEqualTo(token);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    @DisplayName("AGR-08 a token with changed claims, a cut signature or another secret is not authentic")
    void tamperedTokenIsNotAuthentic() {
        String token = tokens.tokenFor(CLAIMS);
        String otherVersion = tokens.tokenFor(List.of("43", "PARENT", "guardian:7", "ana@example.org",
                "1789000000", "1790000000"));
        String claimsOfOther = otherVersion.substring(0, otherVersion.indexOf('.'));
        String signature = token.substring(token.indexOf('.'));

        assertThat(tokens.isAuthentic(claimsOfOther + signature)).isFalse();
        assertThat(tokens.isAuthentic(token.substring(0, token.length() - 1))).isFalse();
        assertThat(tokens.isAuthentic(token.replace('.', '!'))).isFalse();
        assertThat(tokens.isAuthentic("%%%." + signature)).isFalse();
        assertThat(tokens.isAuthentic(null)).isFalse();
        assertThat(withSecret("another-secret-of-another-district-32").isAuthentic(token)).isFalse();
    }

    @Test
    @DisplayName("the stored hash is SHA-256 of the token: 64 hex digits")
    void hashIsSha256() {
        assertThat(LinkTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
