package org.independentstudy.agreement;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only: signatures are never changed or deleted (AGR-08, REC-07). */
public interface AgreementSignatureRepository extends Repository<AgreementSignature, Long> {

    AgreementSignature saveAndFlush(AgreementSignature signature);

    List<AgreementSignature> findByAgreementVersionIdOrderById(Long agreementVersionId);

    boolean existsByAgreementVersionIdAndSignerRoleAndSignerIdentity(Long agreementVersionId, SignerRole role,
                                                                     String signerIdentity);
}
