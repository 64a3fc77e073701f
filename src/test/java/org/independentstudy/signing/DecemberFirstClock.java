package org.independentstudy.signing;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test starts on 2026-12-01 at 10:00 in the district, before the scenario's placements begin, so links and
 * deadlines do not depend on the day the suite runs; the engine's clock is reset after.
 */
class DecemberFirstClock implements BeforeEachCallback, AfterEachCallback {

    static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    static final ZonedDateTime DECEMBER_FIRST = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, DISTRICT);

    static void setClock(ZonedDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        setClock(DECEMBER_FIRST);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }
}
