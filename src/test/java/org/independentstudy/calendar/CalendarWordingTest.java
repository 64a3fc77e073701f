package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.independentstudy.people.School;
import org.independentstudy.people.Student;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The summaries districts write in their published calendars, as the iCalendar import reads them. */
class CalendarWordingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "New Year's Day | HOLIDAY",
            "NEW YEARS DAY | HOLIDAY",
            "Martin Luther King Jr. Day | HOLIDAY",
            "Dr. Martin Luther King, Jr. Day - No School | HOLIDAY",
            "MLK Day | HOLIDAY",
            "Lincoln's Birthday (observed) | HOLIDAY",
            "Lincoln Day | HOLIDAY",
            "Presidents' Day | HOLIDAY",
            "President\u2019s Day | HOLIDAY",
            "Washington's Birthday | HOLIDAY",
            "Memorial Day | HOLIDAY",
            "Juneteenth | HOLIDAY",
            "Independence Day (observed) | HOLIDAY",
            "Labor Day | HOLIDAY",
            "Labor Day - No School | HOLIDAY",
            "Native American Day | HOLIDAY",
            "Columbus Day | HOLIDAY",
            "Indigenous Peoples' Day | HOLIDAY",
            "Veterans Day | HOLIDAY",
            "Veteran's Day Holiday | HOLIDAY",
            "Thanksgiving Day | HOLIDAY",
            "Day after Thanksgiving | HOLIDAY",
            "Christmas Day | HOLIDAY",
            "C\u00e9sar Ch\u00e1vez Day | HOLIDAY",
            "Cesar Chavez Day | HOLIDAY",
            "Local Holiday | HOLIDAY",
            "Thanksgiving Break | BREAK",
            "Winter Break | BREAK",
            "Winter Recess (Christmas, New Year's Day) | BREAK",
            "Spring Break | BREAK",
            "Spring Vacation | BREAK",
            "No School | OTHER",
            "NO SCHOOL - Parent Conferences | OTHER",
            "Furlough Day - District Closed | OTHER",
            "Non-Student Day | STAFF_DAY",
            "Nonstudent Day | STAFF_DAY",
            "Teacher Work Day | STAFF_DAY",
            "Pupil-Free Day | STAFF_DAY",
            "Staff Development Day - No School for Students | STAFF_DAY",
            "Professional Development (pupil-free) | STAFF_DAY",
            "Teacher In-Service Day | STAFF_DAY",
            "First Day of School | FIRST_DAY",
            "First Day of School for Students | FIRST_DAY",
            "Second Semester Begins | SEMESTER_2_START",
            "Last Day of School - Minimum Day | LAST_DAY",
            "Last Day of Instruction | LAST_DAY",
            "Minimum Day - Early Release | SCHOOL_DAY",
            "Minimum Day before Thanksgiving Break | SCHOOL_DAY",
            "Veterans Day Assembly | SCHOOL_DAY",
            "Picture Day | SCHOOL_DAY",
            "Back to School Night | SCHOOL_DAY"})
    @DisplayName("CAL-01 California's legal holidays (EC 37220), breaks, pupil-free days, the year's boundaries and school days with an event are recognised by the names districts write, in any case and punctuation, even when a school-day event names a holiday")
    void recognisedWordings(String summary, CalendarEntryKind kind) {
        assertThat(CalendarWording.read(summary)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Admission Day", "Lunar New Year", "Breakfast with Santa", "Spirit Week",
            "End of First Semester", ""})
    @DisplayName("CAL-01 a summary no wording recognises, or one that only contains a phrase inside a longer word, is not classified")
    void unrecognised(String summary) {
        assertThat(CalendarWording.read(summary)).isEmpty();
    }
}
