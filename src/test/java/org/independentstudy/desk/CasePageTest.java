package org.independentstudy.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.independentstudy.agreement.AgreementScenarios;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.Student;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.LoggedInSession;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12.3: what the case page tells about an agreement out for signature. */
@IntegrationTest
class CasePageTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    @LocalServerPort
    int port;
    @Autowired
    AgreementScenarios scenarios;
    @Autowired
    DemoStudents students;

    @Test
    @DisplayName("Issue 12.3 AGR-05 AGR-08 the case page shows the agreement's version with its status, each signer still to sign, the link e-mailed to the parent with what the mail server said, the PDF and the signing deadline")
    void agreementOutForSignature() {
        Student student = students.newStudentLike("S100011");
        Guardian parent = students.parentOf(student.getStudentNumber());
        Long caseId = sentAgreement(student);

        String page = LoggedInSession.logIn(port, "counselor").get("/desk/cases/" + caseId).body();

        assertThat(section(page, "versions")).contains("SENT_FOR_SIGNATURE").contains(">1<");
        assertThat(section(page, "signers")).contains("Signers of version 1", parent.getFullName(),
                "waiting: link e-mailed");
        assertThat(section(page, "links")).contains(parent.getFullName(), parent.getEmail(), "SENT");
        assertThat(page).contains("href=\"/api/cases/" + caseId + "/agreement.pdf\"");
    }

    @Test
    @DisplayName("Issue 13.4 AGR-08 the case page does not say a link was e-mailed that the mail server refused: each signer still to sign shows their latest link's delivery")
    void refusedLinkIsNotShownAsEmailed() {
        Student student = students.newStudentLike("S100011");
        Guardian parent = students.parentOf(student.getStudentNumber());
        mail.stop();
        Long caseId;
        try {
            caseId = sentAgreement(student);
        } finally {
            mail.start();
        }

        String signers = section(LoggedInSession.logIn(port, "counselor").get("/desk/cases/" + caseId).body(),
                "signers");

        assertThat(signers).contains(parent.getFullName(), student.fullName(),
                "waiting: link not delivered, the mail server refused it (1 try)").doesNotContain("link e-mailed");
    }

    /** A long-term placement's agreement sent for signature; the case. */
    private Long sentAgreement(Student student) {
        Long caseId = scenarios.enrolledCase(student, FamilyRequest.PreferredPlacement.LONG_TERM,
                AgreementScenarios.START, AgreementScenarios.END);
        scenarios.sentAgreement(caseId, student, "teacher");
        return caseId;
    }

    /** The HTML of the element with the id, up to the end of its table or block. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the page has #" + id).isPositive();
        int end = page.indexOf("</table>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
