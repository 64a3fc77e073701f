package org.independentstudy.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface SigningLinkRepository extends ListCrudRepository<SigningLink, Long> {

    @Query("select l from SigningLink l where l.tokenHash = :tokenHash")
    Optional<SigningLink> findByTokenHash(@Param("tokenHash") String tokenHash);

    /** Whether the signer signed with a link to the version or holds one that still works: no new link then. */
    @Query("""
            select count(l) > 0 from SigningLink l where l.agreementVersionId = :versionId
            and l.signerIdentity = :signerIdentity and l.superseded = false
            and (l.usedAt is not null or l.expiresAt > :now)""")
    boolean hasLiveLink(@Param("versionId") Long agreementVersionId, @Param("signerIdentity") String signerIdentity,
                        @Param("now") Instant now);

    /** Unused links of the agreement's other versions: a new version makes them worthless. */
    @Query("""
            select l from SigningLink l where l.agreementId = :agreementId
            and l.agreementVersionId <> :versionId and l.superseded = false and l.usedAt is null""")
    List<SigningLink> openForOtherVersions(@Param("agreementId") Long agreementId,
                                           @Param("versionId") Long versionId);

    /** The signer's unused links to a version. */
    @Query("""
            select l from SigningLink l where l.agreementVersionId = :versionId and l.signerIdentity = :identity
            and l.superseded = false and l.usedAt is null""")
    List<SigningLink> openLinksOf(@Param("versionId") Long versionId, @Param("identity") String signerIdentity);

    /** Unused links of a withdrawn version: they stop working with it. */
    @Query("""
            select l from SigningLink l where l.agreementVersionId = :versionId and l.superseded = false
            and l.usedAt is null""")
    List<SigningLink> unusedOfVersion(@Param("versionId") Long versionId);

    /** Links of a version still waiting for their signer (AGR-07 reminders). */
    @Query("""
            select l from SigningLink l where l.agreementVersionId = :versionId and l.superseded = false
            and l.usedAt is null and l.expiresAt > :now order by l.id""")
    List<SigningLink> awaitingSignature(@Param("versionId") Long versionId, @Param("now") Instant now);

    /**
     * Uses the link if nobody has yet: of two submissions at the same moment, the database lets exactly one
     * update the row (AGR-08: one link, one signature).
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update SigningLink l set l.usedAt = :at, l.typedSignature = :typedSignature,
                   l.clientAddress = :clientAddress, l.userAgent = :userAgent
            where l.id = :id and l.usedAt is null and l.superseded = false and l.expiresAt > :at""")
    int use(@Param("id") Long id, @Param("at") Instant at, @Param("typedSignature") String typedSignature,
            @Param("clientAddress") String clientAddress, @Param("userAgent") String userAgent);
}
