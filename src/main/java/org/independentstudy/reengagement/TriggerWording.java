package org.independentstudy.reengagement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the case record words a trigger (REE-01..04) and a principal's decision (REE-09). */
final class TriggerWording {

    private TriggerWording() {
    }

    static String of(TriggerFindings.Finding f) {
        return switch (f.ruleId()) {
            case "REE-01" -> "REE-01 attendance generated " + f.measured() + " of " + f.required()
                    + " required minutes over four continuous weeks (" + percent(f.measured(), f.required())
                    + " %, below 90 %)";
            case "REE-02" -> "REE-02 synchronous instruction missed on " + f.measured() + " of " + f.required()
                    + " scheduled days this school month (more than 50 %)";
            case "REE-03" -> "REE-03 violation of the written agreement recorded by the teacher (#" + f.sourceKey() + ")";
            case "REE-04" -> "REE-04 unsatisfactory progress found by evaluation #" + f.sourceKey();
            default -> f.ruleId();
        };
    }

    static String of(Reengagements.Decision decision) {
        return switch (decision) {
            case CONTINUE -> "the student continues in independent study";
            case CONTINUE_WITH_REVISED_AGREEMENT -> "the student continues with a revised written agreement (AGR-12)";
            case RETURN_TO_IN_PERSON -> "the student returns to in-person instruction (TRN-03)";
            case REFER -> "the student is referred to another program";
        };
    }

    private static String percent(Integer part, Integer whole) {
        if (part == null || whole == null || whole == 0) {
            return "0";
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN).toPlainString();
    }
}
