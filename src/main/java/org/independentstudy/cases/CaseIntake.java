package org.independentstudy.cases;

import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.FamilyRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A request received through the API: registered and its case process started in one transaction. */
@Service
public class CaseIntake {

    private final FamilyRequests familyRequests;
    private final CaseProgress process;

    CaseIntake(FamilyRequests familyRequests, CaseProgress process) {
        this.familyRequests = familyRequests;
        this.process = process;
    }

    @Transactional
    public Long receive(FamilyRequest request) {
        Long caseId = familyRequests.register(request).caseId();
        process.start(caseId);
        return caseId;
    }
}
