package org.independentstudy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/** REC-01: the course credits a course-based agreement lists (AGR-04 (2)), read from its canonical content. */
final class CourseCredits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CourseCredits() {
    }

    /** The sum of the courses' credits; zero for a traditional agreement, none signed, or credits not numeric. */
    static BigDecimal of(String agreementContent) {
        if (agreementContent == null) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode course : JSON.readTree(agreementContent).path("courses")) {
                String credits = course.path("credits").asText("").trim();
                if (credits.matches("\\d+(\\.\\d+)?")) {
                    sum = sum.add(new BigDecimal(credits));
                }
            }
            return sum;
        } catch (java.io.IOException e) {
            return BigDecimal.ZERO;
        }
    }
}
