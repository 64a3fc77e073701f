package org.independentstudy.agreement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Versions are never deleted (REC-07). */
public interface AgreementVersionRepository extends Repository<AgreementVersion, Long> {

    AgreementVersion save(AgreementVersion version);

    AgreementVersion saveAndFlush(AgreementVersion version);

    Optional<AgreementVersion> findById(Long id);

    @Query("select v from AgreementVersion v where v.agreementId = :agreementId order by v.versionNumber desc limit 1")
    Optional<AgreementVersion> findFirstByAgreementIdOrderByVersionNumberDesc(@Param("agreementId") Long agreementId);

    @Query("select v from AgreementVersion v where v.agreementId = :agreementId order by v.versionNumber")
    List<AgreementVersion> findByAgreementIdOrderByVersionNumber(@Param("agreementId") Long agreementId);
}
