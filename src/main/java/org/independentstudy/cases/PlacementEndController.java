package org.independentstudy.cases;

import org.independentstudy.cases.PlacementEndings.PlacementEnd;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TRN-02: a counselor or principal records that an active placement ended early, or that the family left in any
 * phase; the case view shows it closed.
 */
@RestController
@RequestMapping("/api/cases")
class PlacementEndController {

    private final PlacementEndings endings;
    private final FamilyLeaving leaving;
    private final ReturnRequests returns;
    private final CaseViews views;

    PlacementEndController(PlacementEndings endings, FamilyLeaving leaving, ReturnRequests returns, CaseViews views) {
        this.endings = endings;
        this.leaving = leaving;
        this.returns = returns;
        this.views = views;
    }

    @PostMapping("/{id}/placement-end")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    CaseView end(@PathVariable Long id, @RequestBody PlacementEnd end) {
        endings.end(id, end);
        return views.view(id);
    }

    /** TRN-02, ENR-02: the family withdraws its request or the parent disenrolls, in any phase. */
    @PostMapping("/{id}/disenrolment")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    CaseView leave(@PathVariable Long id, @RequestBody FamilyLeaving.Leaving body) {
        leaving.leave(id, body);
        return views.view(id);
    }

    /** TRN-01: the family asked to return to in-person instruction (the request day; today by default). */
    @PostMapping("/{id}/return-request")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    CaseView requestReturn(@PathVariable Long id, @RequestBody(required = false) ReturnRequests.ReturnRequest body,
                           Authentication user) {
        returns.request(id, body, user.getName());
        return views.view(id);
    }
}
