package org.independentstudy.cases;

import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OneOpenCasePerStudentPostgresTest extends PostgresIntegrationTest {

    @Autowired
    IdenticalRequestsRace race;

    @Test
    @DisplayName("ENR-06 identical requests for one student at the same moment open one case; the others get a 409 naming it (PostgreSQL)")
    void identicalRequestsAtOnceOpenOneCase() throws Exception {
        race.opensOneCase();
    }
}
