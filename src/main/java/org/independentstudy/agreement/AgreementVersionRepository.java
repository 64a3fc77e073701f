package org.independentstudy.agreement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Versions are never deleted (REC-07). */
public interface AgreementVersionRepository extends Repository<AgreementVersion, Long> {

    AgreementVersion save(AgreementVersion version);

    AgreementVersion saveAndFlush(AgreementVersion version);

    Optional<AgreementVersion> findById(Long id);

    Optional<AgreementVersion> findFirstByAgreementIdOrderByVersionNumberDesc(Long agreementId);

    List<AgreementVersion> findByAgreementIdOrderByVersionNumber(Long agreementId);
}
