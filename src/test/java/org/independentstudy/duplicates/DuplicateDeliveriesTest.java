package org.independentstudy.duplicates;

import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DuplicateDeliveriesTest {

    @Autowired
    DuplicateDeliveries deliveries;

    @Test
    @DisplayName("Issue 13.5 the same task form submitted twice at once through the engine's REST API completes the task once; the other answer is a 4xx saying so")
    void sameTaskFormTwice() throws Exception {
        deliveries.taskFormSubmittedTwice();
    }

    @Test
    @DisplayName("Issue 13.5 TRN-01 the family's return link used twice at once starts one return to the classroom; the other answer is a 409")
    void sameReturnRequestTwice() throws Exception {
        deliveries.familyReturnRequestedTwice();
    }

    @Test
    @DisplayName("Issue 13.5 CAL-01 the same calendar file imported twice at once stores one school year")
    void sameCalendarTwice() throws Exception {
        deliveries.calendarImportedTwice();
    }

    @Test
    @DisplayName("Issue 13.5 ATT-01 the same participant report imported twice at once, and confirmed twice at once, is one import and one set of days")
    void sameParticipantReportTwice() throws Exception {
        deliveries.participantReportImportedTwice();
    }

    @Test
    @DisplayName("Issue 13.5 AGR-07 AGR-08 the family's two signing e-mails to one address given up by the outbox at the same moment make one counselor task naming both signers")
    void signingEmailsGivenUpTogether() throws Exception {
        deliveries.signingEmailsGivenUpTogether();
    }
}
