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

    @Test
    @DisplayName("Issue 12.4 CAL-02 a due-date expression counts from a Date, a LocalDate or a form's yyyy-MM-dd text to the end of the school day, across Thanksgiving week")
    void dueDateExpressionAcceptsWhatAProcessHolds() {
        ExpressionFactoryImpl factory = new ExpressionFactoryImpl();
        SimpleContext context = new SimpleContext(new SimpleResolver());
        context.setVariable("schoolCalendar", factory.createValueExpression(DemoCalendars.bothDemoYears(),
                SchoolCalendar.class));
        Date endOfMonday = Date.from(LocalDate.parse("2025-12-02").atStartOfDay(DemoCalendars.LOS_ANGELES)
                .toInstant().minusMillis(1));
        Date endOfFriday = Date.from(LocalDate.parse("2025-11-22").atStartOfDay(DemoCalendars.LOS_ANGELES)
                .toInstant().minusMillis(1));

        for (Object friday : new Object[] {"2025-11-21", LocalDate.parse("2025-11-21"), endOfFriday}) {
            context.setVariable("day", factory.createValueExpression(friday, Object.class));
            Object due = factory.createValueExpression(context, "${schoolCalendar.endOfSchoolDaysAfter(day, 1)}",
                    Object.class).getValue(context);
            assertThat(due).as("from %s (%s)", friday, friday.getClass().getSimpleName()).isEqualTo(endOfMonday);
        }
    }
}
