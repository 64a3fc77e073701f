package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.signing.SigningMailbox.textsTo;
import static org.independentstudy.signing.SigningMailbox.tokenFor;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.independentstudy.signing.TestAgreements.RecordedSignature;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class FamilySigningLinkTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestAgreements agreements;
    @Autowired
    SignatureInvitations invitations;
    @Autowired
    SigningLinkRepository links;
    @Autowired
    StudentRepository students;
    @Autowired
    GuardianRepository guardians;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Student student(String number) {
        return students.findByStudentNumber(number).orElseThrow();
    }

    private Guardian parentOf(Student student) {
        return guardians.findByStudentIdOrderById(student.getId()).get(0);
    }

    private SignatureRequest sentForSignature(Student student, LocalDate deadline) {
        SignatureRequest request = agreements.sendForSignature(student, deadline);
        invitations.inviteFamilySigners(request.agreementVersionId());
        return request;
    }

    private String parentToken(Student student) {
        Guardian parent = parentOf(student);
        return tokenFor(mail, parent.getEmail(), parent.getFullName());
    }

    private static void setClock(ZonedDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }

    @Test
    @DisplayName("AGR-06 AGR-09 a minor's parent gets a personal link, reads the agreement and signs it as parent")
    void minorsParentSignsThroughTheLink() throws Exception {
        Student minor = student("S100001");
        Guardian parent = parentOf(minor);
        SignatureRequest request = sentForSignature(minor, LocalDate.now(DISTRICT).plusDays(10));

        MimeMessage invitation = mail.getReceivedMessages()[0];
        assertThat(invitation.getSubject()).contains("Demo Unified School District", minor.getFirstName());
        assertThat(SigningMailbox.htmlOf(invitation)).contains(minor.getFirstName(), "/sign/");
        assertThat(textsTo(mail, parent.getEmail())).hasSize(2)
                .anySatisfy(text -> assertThat(text).startsWith("Dear " + parent.getFullName())
                        .contains("Please sign by"));
        String token = parentToken(minor);

        ResponseEntity<String> page = rest.getForEntity("/sign/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(minor.fullName(), "id=\"board-policy\"", "I agree to sign electronically");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

        ResponseEntity<String> signed = SigningForm.submit(rest, token, parent.getFullName(), true);
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(signed.getBody()).contains("id=\"confirmation\"", "you signed the");

        assertThat(agreements.signaturesOf(request.agreementVersionId())).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo("PARENT");
            assertThat(s.identity()).isEqualTo("guardian:" + parent.getId());
            assertThat(s.method()).isEqualTo("ELECTRONIC_LINK");
        });
        assertThat(caseRecord.timelineOf(request.caseId()))
                .filteredOn(e -> e.getStep().equals("familySignedAgreement")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("guardian:" + parent.getId());
                    assertThat(e.getRuleId()).isEqualTo("AGR-08");
                });
        assertThat(caseRecord.timelineOf(request.caseId())).extracting(TimelineEntry::getStep)
                .containsSubsequence("signingLinkSent", "signingLinkSent", "familySignedAgreement");
    }

    @Test
    @DisplayName("AGR-06 an adult student is the only family signer: no link goes to the caregiver")
    void adultStudentSignsAlone() {
        Student adult = student("S200002");
        SignatureRequest request = sentForSignature(adult, null);

        assertThat(mail.getReceivedMessages()).hasSize(1);
        String token = tokenFor(mail, parentOf(adult).getEmail(), adult.fullName());
        assertThat(SigningForm.submit(rest, token, adult.fullName(), true).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(agreements.signaturesOf(request.agreementVersionId())).extracting(RecordedSignature::identity)
                .containsExactly("student:" + adult.getId());
    }

    @Test
    @DisplayName("AGR-08 the same signing link used twice signs once and says it was already signed")
    void linkUsedTwiceSignsOnce() {
        Student minor = student("S100002");
        SignatureRequest request = sentForSignature(minor, null);
        String token = parentToken(minor);

        assertThat(SigningForm.submit(rest, token, "Minh Nguyen", true).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> again = SigningForm.submit(rest, token, "Minh Nguyen", true);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("already signed on");
        ResponseEntity<String> revisit = rest.getForEntity("/sign/" + token, String.class);
        assertThat(revisit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revisit.getBody()).contains("already signed on").doesNotContain("I agree to sign electronically");

        assertThat(agreements.signaturesOf(request.agreementVersionId())).hasSize(1);
    }

    @Test
    @DisplayName("AGR-08 the signature needs the typed name and the consent to sign electronically")
    void nameAndConsentAreRequired() {
        Student minor = student("S100003");
        SignatureRequest request = sentForSignature(minor, null);
        String token = parentToken(minor);

        ResponseEntity<String> refused = SigningForm.submit(rest, token, "  ", false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Type your full name", "Check the box");
        assertThat(agreements.signaturesOf(request.agreementVersionId())).isEmpty();
        assertThat(rest.getForEntity("/sign/" + token, String.class).getBody()).contains("id=\"signature-form\"");
    }

    @Test
    @DisplayName("AGR-06 AGR-09 a parent's link stops working when the student turns 18 before the parent signs")
    void parentsLinkEndsWhenTheStudentTurns18() {
        Student turning18 = student("S200001");
        Guardian parent = parentOf(turning18);
        setClock(ZonedDateTime.of(2027, 1, 14, 9, 0, 0, 0, DISTRICT));
        SignatureRequest request = sentForSignature(turning18, null);
        String parentToken = parentToken(turning18);
        String studentToken = tokenFor(mail, parent.getEmail(), turning18.fullName());

        setClock(ZonedDateTime.of(2027, 1, 15, 9, 0, 0, 0, DISTRICT));
        ResponseEntity<String> refused = SigningForm.submit(rest, parentToken, parent.getFullName(), true);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(refused.getBody()).contains("your signature is no longer needed");
        assertThat(rest.getForEntity("/sign/" + parentToken, String.class).getStatusCode())
                .isEqualTo(HttpStatus.GONE);
        assertThat(SigningForm.submit(rest, studentToken, turning18.fullName(), true).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(agreements.signaturesOf(request.agreementVersionId())).extracting(RecordedSignature::identity)
                .containsExactly("student:" + turning18.getId());
    }

    @Test
    @DisplayName("AGR-08 a link is valid until its last second and gone (410) after the validity period")
    void linkExpiresAfterItsValidity() {
        ZonedDateTime issued = ZonedDateTime.of(2026, 9, 14, 10, 0, 0, 0, DISTRICT);
        setClock(issued);
        Student minor = student("S100004");
        SignatureRequest request = sentForSignature(minor, null);
        String token = parentToken(minor);

        setClock(issued.plusDays(14).minusSeconds(1));
        assertThat(rest.getForEntity("/sign/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        setClock(issued.plusDays(14));
        ResponseEntity<String> expired = rest.getForEntity("/sign/" + token, String.class);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expired.getBody()).contains("expired").doesNotContain("Exception");
        assertThat(SigningForm.submit(rest, token, "Grace Kim", true).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(agreements.signaturesOf(request.agreementVersionId())).isEmpty();
    }

    @Test
    @DisplayName("AGR-07 AGR-08 a link never outlives the signing deadline: valid all of its last day, gone at midnight")
    void linkEndsWithTheSigningDeadline() {
        ZonedDateTime issued = ZonedDateTime.of(2026, 9, 14, 10, 0, 0, 0, DISTRICT);
        setClock(issued);
        Student minor = student("S100005");
        LocalDate deadline = LocalDate.of(2026, 9, 18);
        sentForSignature(minor, deadline);
        String token = parentToken(minor);

        setClock(deadline.atTime(23, 59, 59).atZone(DISTRICT));
        assertThat(rest.getForEntity("/sign/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        setClock(deadline.plusDays(1).atStartOfDay(DISTRICT));
        assertThat(rest.getForEntity("/sign/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
    }

    @Test
    @DisplayName("AGR-08 a tampered or forged token is refused (404) and signs nothing")
    void tamperedTokenIsRefused() {
        Student minor = student("S100006");
        SignatureRequest request = sentForSignature(minor, null);
        String token = parentToken(minor);
        int dot = token.indexOf('.');
        // another version id in the claims, the original signature kept
        String tampered = Character.toString(token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        String truncated = token.substring(0, token.length() - 2);
        String claimsOnly = token.substring(0, dot);

        for (String forged : new String[] {tampered, truncated, claimsOnly, "not-a-token"}) {
            ResponseEntity<String> page = rest.getForEntity("/sign/" + forged, String.class);
            assertThat(page.getStatusCode()).as(forged).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(page.getBody()).contains("not valid").doesNotContain("Exception");
            assertThat(SigningForm.submit(rest, forged, "Luis Lopez", true).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(agreements.signaturesOf(request.agreementVersionId())).isEmpty();
    }

    @Test
    @DisplayName("AGR-08 after an edit the old version's link is gone (410) and cannot sign; the new link signs the new version")
    void supersededLinkCannotSign() {
        Student minor = student("S100007");
        Guardian parent = parentOf(minor);
        SignatureRequest first = sentForSignature(minor, null);
        String oldToken = parentToken(minor);
        mail.reset();

        SignatureRequest edited = agreements.newVersionOf(first, minor);
        invitations.inviteFamilySigners(edited.agreementVersionId());
        String newToken = parentToken(minor);

        ResponseEntity<String> old = rest.getForEntity("/sign/" + oldToken, String.class);
        assertThat(old.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(old.getBody()).contains("the agreement was changed");
        assertThat(SigningForm.submit(rest, oldToken, parent.getFullName(), true).getStatusCode())
                .isEqualTo(HttpStatus.GONE);
        assertThat(agreements.signaturesOf(first.agreementVersionId())).isEmpty();
        assertThat(agreements.signaturesOf(edited.agreementVersionId())).isEmpty();

        assertThat(SigningForm.submit(rest, newToken, parent.getFullName(), true).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(agreements.signaturesOf(edited.agreementVersionId())).hasSize(1);
    }

    @Test
    @DisplayName("AGR-08 an e-mail the mail server did not take is recorded as failed and sent on retry")
    void failedMailIsRetried() {
        Student minor = student("S100008");
        mail.stop();
        SignatureRequest request = sentForSignature(minor, null);
        assertThat(links.findAll()).filteredOn(l -> l.getAgreementVersionId().equals(request.agreementVersionId()))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.getDeliveryStatus()).isEqualTo(DeliveryStatus.FAILED));

        mail.start();
        invitations.retryUndelivered();

        assertThat(links.findAll()).filteredOn(l -> l.getAgreementVersionId().equals(request.agreementVersionId()))
                .allSatisfy(l -> {
                    assertThat(l.getDeliveryStatus()).isEqualTo(DeliveryStatus.SENT);
                    assertThat(l.getDeliveryAttempts()).isEqualTo(2);
                });
        String token = parentToken(minor);
        assertThat(rest.getForEntity("/sign/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(caseRecord.timelineOf(request.caseId())).extracting(TimelineEntry::getStep)
                .contains("signingLinkSent");
    }

    @Test
    @DisplayName("AGR-08 the token is stored only as its SHA-256, never itself")
    void tokenIsNotStored() {
        Student minor = student("S100009");
        SignatureRequest request = sentForSignature(minor, null);
        String token = parentToken(minor);

        assertThat(links.findByTokenHash(LinkTokens.hash(token))).hasValueSatisfying(
                l -> assertThat(l.getAgreementVersionId()).isEqualTo(request.agreementVersionId()));
        assertThat(jdbc.queryForList("select * from signing_link")).allSatisfy(row -> assertThat(row.values())
                .noneMatch(value -> value != null && value.toString().contains(token.substring(0, 20))));
    }
}
