package org.independentstudy.enrollment;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ConferenceRequestRepository extends ListCrudRepository<ConferenceRequest, Long> {

    /** The case's conference request that is neither held nor withdrawn. */
    Optional<ConferenceRequest> findByCaseIdAndOutcomeIsNull(Long caseId);
}
