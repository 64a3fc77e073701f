package org.independentstudy.agreement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface WrittenAgreementRepository extends Repository<WrittenAgreement, Long> {

    WrittenAgreement save(WrittenAgreement agreement);

    Optional<WrittenAgreement> findById(Long id);

    @Query("select a from WrittenAgreement a where a.caseId = :caseId order by a.id desc")
    List<WrittenAgreement> findByCaseIdOrderByIdDesc(@Param("caseId") Long caseId);

    @Query("select a from WrittenAgreement a where a.caseId in :caseIds and a.kind = :kind order by a.id desc")
    List<WrittenAgreement> findByCaseIdInAndKindOrderByIdDesc(@Param("caseIds") List<Long> caseIds,
                                                              @Param("kind") WrittenAgreement.Kind kind);
}
