package org.independentstudy.support;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every Spring test starts on 2026-12-01 at 10:00 in the district (a school day) unless it sets its own time, so
 * that no test depends on the day the suite runs; the engine's clock, which is the application's, is reset after.
 */
public class FixedEngineClock implements BeforeEachCallback, AfterEachCallback {

    public static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    public static final ZonedDateTime DECEMBER_FIRST = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, DISTRICT);

    public static void setClock(ZonedDateTime at) {
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
