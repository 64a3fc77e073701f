package org.independentstudy.progress;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REC-01: the course's teacher awards its credits. */
@RestController
class CourseCreditController {

    private final CourseCreditAwards awards;

    CourseCreditController(CourseCreditAwards awards) {
        this.awards = awards;
    }

    @PostMapping("/api/cases/{caseId}/course-credits")
    @PreAuthorize("hasRole('TEACHER')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> award(@PathVariable Long caseId, @RequestBody CourseCreditAwards.Award award, Authentication user) {
        return Map.of("id", awards.award(caseId, user.getName(), award));
    }
}
