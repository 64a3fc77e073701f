package org.independentstudy.agreement;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface WrittenAgreementRepository extends Repository<WrittenAgreement, Long> {

    WrittenAgreement save(WrittenAgreement agreement);

    Optional<WrittenAgreement> findById(Long id);

    @Query("select a from WrittenAgreement a where a.caseId = :caseId order by a.id desc")
    List<WrittenAgreement> findByCaseIdOrderByIdDesc(@Param("caseId") Long caseId);

    /**
     * The agreement of a version, locked until the transaction ends: what must happen one at a time for an
     * agreement (the family's undelivered signing e-mails) does. Nothing changes an agreement's row once it is
     * written, so only those who take this lock ever wait for it.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from WrittenAgreement a where a.id = "
            + "(select v.agreementId from AgreementVersion v where v.id = :versionId)")
    Optional<WrittenAgreement> lockOfVersion(@Param("versionId") Long versionId);

    @Query("select a from WrittenAgreement a where a.caseId in :caseIds and a.kind = :kind order by a.id desc")
    List<WrittenAgreement> findByCaseIdInAndKindOrderByIdDesc(@Param("caseIds") List<Long> caseIds,
                                                              @Param("kind") WrittenAgreement.Kind kind);
}
