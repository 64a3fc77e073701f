package org.independentstudy.agreement;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Append-only: signatures are never changed or deleted (AGR-08, REC-07). */
public interface AgreementSignatureRepository extends Repository<AgreementSignature, Long> {

    AgreementSignature saveAndFlush(AgreementSignature signature);

    @Query("select s from AgreementSignature s where s.agreementVersionId = :versionId order by s.id")
    List<AgreementSignature> findByAgreementVersionIdOrderById(@Param("versionId") Long agreementVersionId);

    @Query("""
            select count(s) > 0 from AgreementSignature s where s.agreementVersionId = :versionId
            and s.signerRole = :role and s.signerIdentity = :identity""")
    boolean existsByAgreementVersionIdAndSignerRoleAndSignerIdentity(@Param("versionId") Long agreementVersionId,
                                                                     @Param("role") SignerRole role,
                                                                     @Param("identity") String signerIdentity);
}
