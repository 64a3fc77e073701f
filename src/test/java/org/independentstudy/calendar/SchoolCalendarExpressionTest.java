package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.SimpleResolver;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's expression language (Camunda JUEL) must pick the right overload for process timers. */
class SchoolCalendarExpressionTest {

    @Test
    @DisplayName("CAL-02 the BPMN timer expression ${schoolCalendar.addSchoolDays(startDate, 5)} gives a Date on the school-day deadline")
    void timerExpressionUsesTheDateOverload() {
        ExpressionFactoryImpl factory = new ExpressionFactoryImpl();
        SimpleContext context = new SimpleContext(new SimpleResolver());
        SchoolCalendar schoolCalendar = DemoCalendars.bothDemoYears();
        Date friday = Date.from(LocalDate.parse("2025-11-21").atTime(10, 0)
                .atZone(DemoCalendars.LOS_ANGELES).toInstant());
        context.setVariable("schoolCalendar", factory.createValueExpression(schoolCalendar, SchoolCalendar.class));
        context.setVariable("startDate", factory.createValueExpression(friday, Date.class));

        Object due = factory.createValueExpression(context, "${schoolCalendar.addSchoolDays(startDate, 5)}", Object.class)
                .getValue(context);

        assertThat(due).isInstanceOf(Date.class);
        assertThat(((Date) due).toInstant())
                .isEqualTo(LocalDate.parse("2025-12-05").atStartOfDay(DemoCalendars.LOS_ANGELES).toInstant());
    }
}
