package org.independentstudy.agreement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface WrittenAgreementRepository extends Repository<WrittenAgreement, Long> {

    WrittenAgreement save(WrittenAgreement agreement);

    Optional<WrittenAgreement> findById(Long id);

    List<WrittenAgreement> findByCaseIdOrderByIdDesc(Long caseId);

    List<WrittenAgreement> findByCaseIdInAndKindOrderByIdDesc(List<Long> caseIds, WrittenAgreement.Kind kind);
}
