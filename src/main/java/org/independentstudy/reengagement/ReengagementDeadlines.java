package org.independentstudy.reengagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.independentstudy.calendar.SchoolCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * REE-05..09: every step of a re-engagement is due on the school calendar, counted from the day it begins; the
 * diagram names the number of school days per step, analysts edit it there. Also the two times of a parent notice
 * (REE-06): when it goes out (the end of the recording day's teaching, so the day's recordings make one notice) and
 * when it is due (the end of the next school day).
 */
@Component("reengagementDeadlines")
public class ReengagementDeadlines {

    private final SchoolCalendar calendar;
    private final Clock clock;
    private final int improvementSchoolDays;
    private final LocalTime noticeSendTime;

    ReengagementDeadlines(SchoolCalendar calendar, Clock clock,
                          @Value("${isp.reengagement.improvement-school-days:10}") int improvementSchoolDays,
                          @Value("${isp.reengagement.parent-notice-send-time:16:00}") LocalTime noticeSendTime) {
        this.calendar = calendar;
        this.clock = clock;
        this.improvementSchoolDays = improvementSchoolDays;
        this.noticeSendTime = noticeSendTime;
    }

    /** The end of the n-th school day after today (district time): "within n school days". */
    public Date inSchoolDays(int n) {
        return calendar.endOfSchoolDay(calendar.addSchoolDays(today(), n));
    }

    /** REE-08: the end of the window in which the student's attendance must improve (policy, school days). */
    public Date improvementWindowEnd() {
        return inSchoolDays(improvementSchoolDays);
    }

    public int improvementSchoolDays() {
        return improvementSchoolDays;
    }

    /** REE-06: a notice goes out at the configured time of the recording day, or at once when that has passed. */
    Date noticeSendAt() {
        Date at = Date.from(today().atTime(noticeSendTime).atZone(calendar.districtZone()).toInstant());
        return at.toInstant().isAfter(clock.instant()) ? at : Date.from(clock.instant());
    }

    /** REE-06: within one school day of the recording: by the end of the next school day. */
    Date noticeDueAt(LocalDate recordedOn) {
        return calendar.endOfSchoolDay(calendar.addSchoolDays(recordedOn, 1));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.districtZone()));
    }
}
