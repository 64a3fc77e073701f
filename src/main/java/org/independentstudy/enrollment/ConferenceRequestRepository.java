package org.independentstudy.enrollment;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface ConferenceRequestRepository extends ListCrudRepository<ConferenceRequest, Long> {

    /** The case's conference request that is neither held nor withdrawn. */
    @Query("select r from ConferenceRequest r where r.caseId = :caseId and r.outcome is null")
    Optional<ConferenceRequest> findByCaseIdAndOutcomeIsNull(@Param("caseId") Long caseId);
}
