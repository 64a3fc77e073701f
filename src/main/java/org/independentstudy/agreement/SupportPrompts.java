package org.independentstudy.agreement;

import java.util.ArrayList;
import java.util.List;
import org.independentstudy.people.Student;

/** AGR-03 (7): the supports the drafter must address, prompted from the student record's flags. */
final class SupportPrompts {

    private SupportPrompts() {
    }

    static List<String> of(Student student, WrittenAgreement agreement) {
        List<String> prompts = new ArrayList<>();
        if (student.hasIep()) {
            prompts.add("IEP: supports as the IEP provides; the special-education designee signs (AGR-06)");
        }
        if (student.hasSection504Plan()) {
            prompts.add("Section 504 plan" + (agreement.getSection504PlanReference() == null ? ""
                    : " " + agreement.getSection504PlanReference()) + ": the plan's accommodations (ENR-04)");
        }
        if (student.isEnglishLearner()) {
            prompts.add("English learner: designated and integrated English language development");
        }
        if (student.isFosterYouth()) {
            prompts.add("Foster youth: coordination with the foster-youth liaison");
        }
        if (student.isHomeless()) {
            prompts.add("Homeless youth: coordination with the McKinney-Vento liaison, devices and connectivity");
        }
        prompts.add("Students not at grade level and mental-health needs: academic and counseling supports");
        return prompts;
    }
}
