package org.independentstudy.agreement;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Append-only, like the signatures the scans evidence (AGR-08, REC-07). */
interface PaperSignatureScanRepository extends Repository<PaperSignatureScan, Long> {

    PaperSignatureScan save(PaperSignatureScan scan);

    Optional<PaperSignatureScan> findById(Long id);
}
