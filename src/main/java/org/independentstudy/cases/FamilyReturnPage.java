package org.independentstudy.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.family.FamilyPageLocale;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.signing.FamilyReturnLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * TRN-01: the public page behind a family's return link. It asks first, then records the request; the token is the
 * only credential and grants this one request for this one case. It speaks the family's language (issue 12.8); an
 * unknown link's page is English.
 */
@Controller
@RequestMapping("/family/return/{token}")
class FamilyReturnPage {

    private final FamilyReturnLinks links;
    private final ReturnRequests returns;
    private final CaseRecord caseRecord;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final DistrictProperties district;
    private final FamilyPageLocale pageLocale;
    private final Clock clock;

    FamilyReturnPage(FamilyReturnLinks links, ReturnRequests returns, CaseRecord caseRecord,
                     StudentRepository students, GuardianRepository guardians, DistrictProperties district,
                     FamilyPageLocale pageLocale, Clock clock) {
        this.links = links;
        this.returns = returns;
        this.caseRecord = caseRecord;
        this.students = students;
        this.guardians = guardians;
        this.district = district;
        this.pageLocale = pageLocale;
        this.clock = clock;
    }

    @GetMapping
    ModelAndView ask(@PathVariable String token, HttpServletRequest request) {
        return claim(token, request).map(c -> page("signing/return-ask", c, HttpStatus.OK)).orElseGet(this::unknown);
    }

    @PostMapping
    ModelAndView request(@PathVariable String token, HttpServletRequest request) {
        Optional<FamilyReturnLinks.ReturnClaim> claim = claim(token, request);
        if (claim.isEmpty()) {
            return unknown();
        }
        String who = guardians.findById(claim.get().guardianId()).map(Guardian::getFullName).orElse("the family");
        try {
            returns.request(claim.get().caseId(), new ReturnRequests.ReturnRequest(null, "asked by " + who
                    + " through the e-mailed link"), "the family's e-mailed link");
            return page("signing/return-recorded", claim.get(), HttpStatus.OK);
        } catch (ConflictException alreadyUnderWay) {
            return page("signing/return-not-open", claim.get(), HttpStatus.CONFLICT);
        }
    }

    /** The link's claim; its page speaks the language of the case's family. */
    private Optional<FamilyReturnLinks.ReturnClaim> claim(String token, HttpServletRequest request) {
        Optional<FamilyReturnLinks.ReturnClaim> claim = links.verify(token, LocalDate.now(clock));
        claim.ifPresent(c -> pageLocale.speakToFamilyOfCase(request, c.caseId()));
        return claim;
    }

    private ModelAndView page(String view, FamilyReturnLinks.ReturnClaim claim, HttpStatus status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("district", district.name());
        page.addObject("studentFirstName", students.findById(caseRecord.get(claim.caseId()).getStudentId())
                .orElseThrow().getFirstName());
        return page;
    }

    private ModelAndView unknown() {
        ModelAndView page = new ModelAndView("signing/return-unavailable", HttpStatus.NOT_FOUND);
        page.addObject("district", district.name());
        return page;
    }
}
