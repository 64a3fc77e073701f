package org.independentstudy.signing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * TRN-01: the family's own way to ask for the student back in the classroom: a personal link in the e-mails the
 * system sends them while the placement runs. Signed like a signing link (the installation's secret), naming the
 * case and the family member, valid until the placement's last day; the page confirms before it records.
 */
@Service
public class FamilyReturnLinks {

    private static final String PURPOSE = "return-to-classroom";

    /** What an authentic, unexpired return link names. */
    public record ReturnClaim(Long caseId, Long guardianId, LocalDate validUntil) {
    }

    private final LinkTokens tokens;
    private final NamedParameterJdbcTemplate jdbc;
    private final String publicBaseUrl;

    FamilyReturnLinks(LinkTokens tokens, NamedParameterJdbcTemplate jdbc,
                      @Value("${isp.public-base-url}") String publicBaseUrl) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/+$", "");
    }

    /** The link for one family member of the case, valid until the placement's projected last day. */
    public String urlFor(Long caseId, Long guardianId) {
        return urlFor(caseId, guardianId, jdbc.queryForObject(
                "select projected_end from enrollment where case_id = :caseId",
                new MapSqlParameterSource("caseId", caseId), LocalDate.class));
    }

    /** The link for one family member of the case, valid until {@code validUntil}. */
    public String urlFor(Long caseId, Long guardianId, LocalDate validUntil) {
        return publicBaseUrl + "/family/return/" + tokens.tokenFor(List.of(PURPOSE, caseId.toString(),
                guardianId.toString(), validUntil.toString()));
    }

    /** The link's claim when it is authentic, of this purpose and not past its day. */
    public Optional<ReturnClaim> verify(String token, LocalDate today) {
        return tokens.claimsOf(token).filter(c -> c.size() == 4 && PURPOSE.equals(c.get(0))).map(c -> new ReturnClaim(
                Long.valueOf(c.get(1)), Long.valueOf(c.get(2)), LocalDate.parse(c.get(3))))
                .filter(claim -> !today.isAfter(claim.validUntil()));
    }
}
