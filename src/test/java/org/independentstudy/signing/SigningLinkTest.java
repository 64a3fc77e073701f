package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.independentstudy.signing.AgreementsForFamilySigning.FamilySigner;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SigningLinkTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);
    private static final Instant ISSUED = ZonedDateTime.of(2026, 12, 14, 16, 30, 0, 0, DISTRICT).toInstant();
    private static final LinkTokens TOKENS = new LinkTokens(
            new SigningProperties("a-secret-of-the-district-of-32-characters", false, FOURTEEN_DAYS));

    private static SigningLink issuedUntil(Instant expiry) {
        FamilySigner parent = new FamilySigner("PARENT", "guardian:7", "Ana Garcia", "ana@example.org");
        SignatureRequest request = new SignatureRequest(1L, 2L, 3L, "Sofia", null, false, List.of(parent));
        return new SigningLink(request, parent, ISSUED, expiry, TOKENS);
    }

    @Test
    @DisplayName("AGR-08 a link is open until the last second of its validity and expired from then on")
    void validUntilTheLastSecond() {
        Instant expiry = SigningLink.expiryOf(ISSUED, FOURTEEN_DAYS, Optional.empty(), DISTRICT);
        assertThat(expiry).isEqualTo(ISSUED.plus(FOURTEEN_DAYS));

        SigningLink link = issuedUntil(expiry);
        assertThat(link.stateAt(expiry.minusSeconds(1))).isEqualTo(LinkState.OPEN);
        assertThat(link.stateAt(expiry)).isEqualTo(LinkState.EXPIRED);
    }

    @Test
    @DisplayName("AGR-07 a signing deadline before the validity's end ends the link at midnight after the deadline, district time")
    void deadlineEndsTheLinkAtMidnight() {
        LocalDate deadline = LocalDate.of(2026, 12, 18);
        Instant expiry = SigningLink.expiryOf(ISSUED, FOURTEEN_DAYS, Optional.of(deadline), DISTRICT);
        assertThat(expiry).isEqualTo(ZonedDateTime.of(2026, 12, 19, 0, 0, 0, 0, DISTRICT).toInstant());

        SigningLink link = issuedUntil(expiry);
        assertThat(link.stateAt(deadline.atTime(23, 59, 59).atZone(DISTRICT).toInstant())).isEqualTo(LinkState.OPEN);
        assertThat(link.stateAt(expiry)).isEqualTo(LinkState.EXPIRED);
    }

    @Test
    @DisplayName("AGR-07 a deadline after the validity's end does not lengthen the link")
    void lateDeadlineKeepsTheValidity() {
        LocalDate deadline = LocalDate.of(2027, 3, 1);
        assertThat(SigningLink.expiryOf(ISSUED, FOURTEEN_DAYS, Optional.of(deadline), DISTRICT))
                .isEqualTo(ISSUED.plus(FOURTEEN_DAYS));
    }

    @Test
    @DisplayName("AGR-08 a superseded link is no longer open, even before it expires")
    void supersededLinkIsClosed() {
        SigningLink link = issuedUntil(ISSUED.plus(FOURTEEN_DAYS));
        link.supersede();
        assertThat(link.stateAt(ISSUED.plusSeconds(60))).isEqualTo(LinkState.SUPERSEDED);
    }
}
