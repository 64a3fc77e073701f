package org.independentstudy.agreement.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.independentstudy.agreement.AgreementContent;
import org.independentstudy.agreement.AgreementDraft;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DraftFormTest {

    @Test
    @DisplayName("AGR-04 a course line of the drafting form carries the course's dates and learning objectives (which may contain the separator); a blank or unreadable date is left for validation to name")
    void courseLines() {
        AgreementDraft draft = DraftForm.draftOf(Map.<String, Object>of("courses",
                "Algebra I | Mathematics | teacher2 | 5 | 2027-01-11 | 2027-02-26 | Linear equations | functions\n"
                        + "\n"
                        + "English 9 | English | teacher | 5 |  | 2027-3-26 |")::get);

        assertThat(draft.courses()).containsExactly(
                new AgreementContent.Course("Algebra I", "Mathematics", "teacher2", "5", LocalDate.of(2027, 1, 11),
                        LocalDate.of(2027, 2, 26), "Linear equations | functions"),
                new AgreementContent.Course("English 9", "English", "teacher", "5", null, null, null));
    }
}
