package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.signing.SigningMailbox.textsTo;
import static org.independentstudy.support.FixedEngineClock.DECEMBER_FIRST;
import static org.independentstudy.support.FixedEngineClock.DISTRICT;
import static org.independentstudy.support.FixedEngineClock.setClock;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.independentstudy.agreement.AgreementSignature;
import org.independentstudy.agreement.AgreementSignatureReminderDue;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.AgreementVersionRepository;
import org.independentstudy.agreement.FamilySigningLinkUndelivered;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.people.Student;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.signing.FamilySigningScenario.Sent;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.MailOutboxTries;
import org.independentstudy.support.RecordedFamilySignatures;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.independentstudy.records.Sha256;

@IntegrationTest
@RecordApplicationEvents
class FamilySigningLinkTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();


    @Autowired
    TestRestTemplate rest;
    @Autowired
    FamilySigningScenario scenario;
    @Autowired
    SignatureInvitations invitations;
    @Autowired
    MailOutboxTries tries;
    @Autowired
    AgreementVersionRepository versions;
    @Autowired
    SigningLinkRepository links;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ApplicationEvents published;
    @Autowired
    DemoStudents demoStudents;

    private HttpStatus statusOfPage(String token) {
        return HttpStatus.valueOf(rest.getForEntity("/sign/" + token, String.class).getStatusCode().value());
    }

    private HttpStatus statusOfSigning(String token, String fullName) {
        return HttpStatus.valueOf(SigningForm.submit(rest, token, fullName, true).getStatusCode().value());
    }

    @Test
    @DisplayName("AGR-06 AGR-09 a minor's parent gets a personal link, reads the agreement and signs it as parent")
    void minorsParentSignsThroughTheLink() throws Exception {
        Sent sent = scenario.sendToFamily("S100001");
        String firstName = sent.student().getFirstName();

        MimeMessage invitation = mail.getReceivedMessages()[0];
        assertThat(invitation.getSubject()).contains("Demo Unified School District", firstName);
        assertThat(SigningMailbox.htmlOf(invitation)).contains(firstName, "/sign/");
        assertThat(textsTo(mail, sent.parent().getEmail())).hasSize(2)
                .anySatisfy(text -> assertThat(text).startsWith("Dear " + sent.parent().getFullName())
                        .contains("Please sign by"));
        String token = sent.parentToken(mail);

        ResponseEntity<String> page = rest.getForEntity("/sign/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(sent.student().fullName(), "Board policy", "I agree to sign electronically");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

        ResponseEntity<String> signed = SigningForm.submit(rest, token, sent.parent().getFullName(), true);
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(signed.getBody()).contains("id=\"confirmation\"", "you signed the");

        String parentIdentity = "guardian:" + sent.parent().getId();
        String versionSha256 = versions.findById(sent.versionId()).orElseThrow().getContentSha256();
        assertThat(scenario.signaturesOf(sent)).singleElement().satisfies(s -> {
            assertThat(s.getSignerRole()).isEqualTo(SignerRole.PARENT_OR_GUARDIAN);
            assertThat(s.getSignerIdentity()).isEqualTo(parentIdentity);
            assertThat(s.getMethod()).isEqualTo(SignatureMethod.EMAIL_LINK);
            assertThat(s.getSignedAt()).isEqualTo(DECEMBER_FIRST.toInstant());
            assertThat(s.getContentSha256()).hasSize(64).isEqualTo(versionSha256);
        });
        assertThat(caseRecord.timelineOf(sent.caseId()))
                .filteredOn(e -> e.getStep().equals("agreementSigned")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo(parentIdentity);
                    assertThat(e.getRuleId()).isEqualTo("AGR-08");
                });
        assertThat(caseRecord.timelineOf(sent.caseId())).extracting(TimelineEntry::getStep)
                .containsSubsequence("signingLinkSent", "signingLinkSent", "agreementSigned");
    }

    @Test
    @DisplayName("AGR-07 before the deadline only the family signer who has not signed is reminded, with the same link")
    void unsignedFamilySignerIsReminded() throws Exception {
        Sent sent = scenario.sendToFamily("S100001");
        String studentToken = sent.studentToken(mail);
        assertThat(statusOfSigning(sent.parentToken(mail), sent.parent().getFullName())).isEqualTo(HttpStatus.OK);
        int sentBefore = mail.getReceivedMessages().length;

        events.publishEvent(new AgreementSignatureReminderDue(sent.versionId(),
                signatures.unsignedSigners(sent.versionId(), DECEMBER_FIRST.toLocalDate())));

        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(sentBefore + 1);
        MimeMessage reminder = messages[sentBefore];
        assertThat(reminder.getSubject()).startsWith("Reminder: ");
        assertThat(SigningMailbox.htmlOf(reminder)).contains("/sign/" + studentToken);
        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("signingReminderSent"))
                .singleElement().satisfies(e -> assertThat(e.getRuleId()).isEqualTo("AGR-07"));
    }

    @Test
    @DisplayName("AGR-07 a reminder gives each unsigned family signer a working link: the live one again, a fresh one where it expired; the record lists each message the mail server took")
    void reminderRenewsExpiredLinksOnly() {
        Sent sent = scenario.sendToFamily("S100030");
        String address = sent.parent().getEmail();
        String parent = sent.parent().getFullName();
        String student = sent.student().fullName();
        String firstStudentToken = sent.studentToken(mail);
        String firstParentToken = sent.parentToken(mail);
        String parentIdentity = "guardian:" + sent.parent().getId();
        String studentIdentity = "student:" + sent.student().getId();

        // the links of December 1 expired on December 15; the parent alone is reminded on the 16th
        setClock(DECEMBER_FIRST.plusDays(15));
        invitations.remindFamilySigners(sent.versionId(), Set.of(parentIdentity));
        String renewedParentToken = SigningMailbox.tokensFor(mail, address, parent).get(1);
        assertThat(renewedParentToken).isNotEqualTo(firstParentToken);

        // on the 17th both are reminded: the parent's live link again, a fresh one for the student
        setClock(DECEMBER_FIRST.plusDays(16));
        int sentBefore = mail.getReceivedMessages().length;
        invitations.remindFamilySigners(sent.versionId(), Set.of(parentIdentity, studentIdentity));

        assertThat(mail.getReceivedMessages()).hasSize(sentBefore + 2);
        assertThat(SigningMailbox.tokensFor(mail, address, parent)).hasSize(3).last().isEqualTo(renewedParentToken);
        List<String> studentTokens = SigningMailbox.tokensFor(mail, address, student);
        assertThat(studentTokens).hasSize(2).last().isNotEqualTo(firstStudentToken);
        assertThat(statusOfPage(studentTokens.get(1))).isEqualTo(HttpStatus.OK);
        assertThat(statusOfPage(renewedParentToken)).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/sign/" + firstStudentToken, String.class).getBody()).contains("expired");
        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("signingReminderSent"))
                .hasSize(3).allSatisfy(e -> assertThat(e.getRuleId()).isEqualTo("AGR-07"));
    }

    @Test
    @DisplayName("AGR-07 Issue 13.4 a reminder the mail server does not take is not on the record as sent: it is marked failed on the link, and the outbox's next try sends it and records the reminder")
    void failedReminderIsNotRecordedAsSent() {
        Sent sent = scenario.sendToFamily("S100036");
        setClock(DECEMBER_FIRST.plusDays(15));
        mail.stop();
        invitations.remindFamilySigners(sent.versionId(), Set.of("guardian:" + sent.parent().getId()));

        assertThat(caseRecord.timelineOf(sent.caseId())).extracting(TimelineEntry::getStep)
                .doesNotContain("signingReminderSent");
        assertThat(links.findAll()).filteredOn(l -> l.getAgreementVersionId().equals(sent.versionId())
                        && l.stateAt(DECEMBER_FIRST.plusDays(15).toInstant()) == LinkState.OPEN)
                .singleElement().satisfies(l -> assertThat(l.getDeliveryStatus()).isEqualTo(DeliveryStatus.FAILED));

        mail.start();
        tries.runNext("signing-link", ref -> linksOf(sent.versionId()).contains(ref.replace(":reminder", "")));
        List<String> parentTokens = SigningMailbox.tokensFor(mail, sent.parent().getEmail(), sent.parent().getFullName());
        assertThat(statusOfPage(parentTokens.get(parentTokens.size() - 1))).isEqualTo(HttpStatus.OK);
        // Issue 13.4: the e-mail the outbox sent on its second try is the reminder, and the record says so
        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("signingReminderSent"))
                .singleElement().satisfies(e -> assertThat(e.getDescription()).contains(sent.parent().getEmail()));
        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("signingLinkSent"))
                .hasSize(2);
    }

    @Test
    @DisplayName("AGR-07 when the placement ends unsigned, the family's open links stop working at once (410)")
    void linksStopWhenThePlacementEndsUnsigned() {
        Sent sent = scenario.sendToFamily("S100034");
        String token = sent.parentToken(mail);

        scenario.withdrawUnsigned(sent);

        ResponseEntity<String> page = rest.getForEntity("/sign/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(page.getBody()).contains("your signature is no longer needed");
        assertThat(statusOfSigning(token, sent.parent().getFullName())).isEqualTo(HttpStatus.GONE);
        assertThat(scenario.signaturesOf(sent)).isEmpty();
    }

    @Test
    @DisplayName("AGR-06 an adult student is the only family signer: no link goes to the caregiver")
    void adultStudentSignsAlone() {
        Sent sent = scenario.sendToFamily("S200002");

        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(statusOfSigning(sent.studentToken(mail), sent.student().fullName())).isEqualTo(HttpStatus.OK);
        assertThat(scenario.signaturesOf(sent)).extracting(AgreementSignature::getSignerIdentity)
                .containsExactly("student:" + sent.student().getId());
    }

    @Test
    @DisplayName("AGR-06 AGR-09 a parent's link stops working when the student turns 18 before the parent signs")
    void parentsLinkEndsWhenTheStudentTurns18() {
        setClock(ZonedDateTime.of(2027, 1, 14, 9, 0, 0, 0, DISTRICT));
        Sent sent = scenario.sendToFamily("S200001", LocalDate.of(2027, 1, 25));
        String parentToken = sent.parentToken(mail);

        setClock(ZonedDateTime.of(2027, 1, 15, 9, 0, 0, 0, DISTRICT));
        ResponseEntity<String> refused = SigningForm.submit(rest, parentToken, sent.parent().getFullName(), true);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(refused.getBody()).contains("your signature is no longer needed");
        assertThat(statusOfPage(parentToken)).isEqualTo(HttpStatus.GONE);
        assertThat(statusOfSigning(sent.studentToken(mail), sent.student().fullName())).isEqualTo(HttpStatus.OK);
        assertThat(scenario.signaturesOf(sent)).extracting(AgreementSignature::getSignerIdentity)
                .containsExactly("student:" + sent.student().getId());
    }

    @Test
    @DisplayName("AGR-08 the same signing link used twice signs once and says it was already signed")
    void linkUsedTwiceSignsOnce() {
        Sent sent = scenario.sendToFamily("S100002");
        String token = sent.parentToken(mail);

        assertThat(statusOfSigning(token, "Minh Nguyen")).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> again = SigningForm.submit(rest, token, "Minh Nguyen", true);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("already signed on");
        ResponseEntity<String> revisit = rest.getForEntity("/sign/" + token, String.class);
        assertThat(revisit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revisit.getBody()).contains("already signed on").doesNotContain("I agree to sign electronically");

        assertThat(scenario.signaturesOf(sent)).hasSize(1);
    }

    @Test
    @DisplayName("AGR-08 the signature needs the typed name and the consent to sign electronically")
    void nameAndConsentAreRequired() {
        Sent sent = scenario.sendToFamily("S100003");
        String token = sent.parentToken(mail);

        ResponseEntity<String> refused = SigningForm.submit(rest, token, "  ", false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Type your full name", "Check the box");
        assertThat(scenario.signaturesOf(sent)).isEmpty();
        assertThat(rest.getForEntity("/sign/" + token, String.class).getBody()).contains("id=\"signature-form\"");
    }

    @Test
    @DisplayName("Issue 12.8 AGR-08 AGR-07 a Spanish-speaking family gets the signing e-mail and the reminder in Spanish with its link; the signing page speaks Spanish (lang, button, field errors) and confirms the signature in Spanish")
    void spanishSpeakingFamilySignsInSpanish() throws Exception {
        Student student = demoStudents.newStudentLike("S100001");
        jdbc.update("update student set home_language = 'es' where id = ?", student.getId());
        Sent sent = scenario.sendToFamily(student.getStudentNumber());
        String parent = sent.parent().getFullName();

        assertThat(mail.getReceivedMessages()).hasSize(2).allSatisfy(invitation -> {
            assertThat(invitation.getSubject()).isEqualTo("Demo Unified School District: por favor, firme el acuerdo "
                    + "de estudio independiente de " + student.getFirstName());
            assertThat(SigningMailbox.htmlOf(invitation)).contains("lang=\"es\"", "Leer y firmar el acuerdo", "/sign/");
        });
        assertThat(textsTo(mail, sent.parent().getEmail())).anySatisfy(text -> assertThat(text)
                .startsWith("Estimado/a " + parent + ":")
                .contains(" le pide que lea y firme el acuerdo de estudio independiente de " + student.getFirstName())
                .containsPattern("Por favor, firme a más tardar el \\p{L}+, \\d{1,2} de \\p{L}+ de 20\\d\\d\\.")
                .contains("Funciona una sola vez y hasta el martes, 15 de diciembre de 2026."));
        String token = sent.parentToken(mail);

        ResponseEntity<String> page = rest.getForEntity("/sign/" + token, String.class);
        assertThat(page.getBody()).contains("<html lang=\"es\"", "Acepto firmar electrónicamente", ">Firmar</button>",
                "El acuerdo aparece en inglés").doesNotContain("I agree to sign electronically");
        ResponseEntity<String> refused = SigningForm.submit(rest, token, "  ", false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("<html lang=\"es\"", "Escriba su nombre completo como firma.",
                "Marque la casilla para aceptar firmar electrónicamente.").doesNotContain("Type your full name");
        assertThat(SigningForm.submit(rest, token, parent, true).getBody()).contains("Gracias, " + parent
                + ": usted firmó el acuerdo de estudio independiente el 1 de diciembre de 2026 a las 10:00.");
        assertThat(rest.getForEntity("/sign/" + token, String.class).getBody())
                .contains("Este acuerdo ya se firmó con este enlace el 1 de diciembre de 2026 a las 10:00.");

        int sentBefore = mail.getReceivedMessages().length;
        invitations.remindFamilySigners(sent.versionId(), Set.of("student:" + student.getId()));
        assertThat(mail.getReceivedMessages()[sentBefore].getSubject()).startsWith("Recordatorio: ");
    }

    @Test
    @DisplayName("Issue 12.8 AGR-08 a family whose recorded language is English (the default) gets the e-mail and the signing page in English")
    void englishSpeakingFamilyStaysEnglish() throws Exception {
        Student student = demoStudents.newStudentLike("S100001");
        Sent sent = scenario.sendToFamily(student.getStudentNumber());
        String parent = sent.parent().getFullName();

        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("Demo Unified School District: please sign "
                + student.getFirstName() + "'s independent study agreement");
        assertThat(SigningMailbox.htmlOf(mail.getReceivedMessages()[0])).contains("lang=\"en\"", "Read and sign the agreement");
        assertThat(textsTo(mail, sent.parent().getEmail())).anySatisfy(text -> assertThat(text)
                .startsWith("Dear " + parent + ",")
                .containsPattern("Please sign by \\p{L}+, \\p{L}+ \\d{1,2}, 20\\d\\d\\.")
                .contains("It works once and until Tuesday, December 15, 2026."));
        String token = sent.parentToken(mail);

        assertThat(rest.getForEntity("/sign/" + token, String.class).getBody()).contains("<html lang=\"en\"",
                "I agree to sign electronically", ">Sign</button>").doesNotContain("agreement-in-english");
        assertThat(SigningForm.submit(rest, token, "", true).getBody()).contains("Type your full name as your signature.");
        assertThat(SigningForm.submit(rest, token, parent, true).getBody()).containsPattern("Thank you, "
                + Pattern.quote(parent) + ": you signed the independent study agreement on December 1, 2026 at 10:00\\hAM\\.");
    }

    @Test
    @DisplayName("AGR-08 a link is valid until its last second and gone (410) after the validity period")
    void linkExpiresAfterItsValidity() {
        Sent sent = scenario.sendToFamily("S100004");
        String token = sent.parentToken(mail);

        setClock(DECEMBER_FIRST.plusDays(14).minusSeconds(1));
        assertThat(statusOfPage(token)).isEqualTo(HttpStatus.OK);
        setClock(DECEMBER_FIRST.plusDays(14));
        ResponseEntity<String> expired = rest.getForEntity("/sign/" + token, String.class);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expired.getBody()).contains("expired").doesNotContain("Exception");
        assertThat(statusOfSigning(token, "Grace Kim")).isEqualTo(HttpStatus.GONE);
        assertThat(scenario.signaturesOf(sent)).isEmpty();
    }

    @Test
    @DisplayName("AGR-07 AGR-08 a long-term link outlives the planned start, since signing late moves the start; it ends with its validity")
    void longTermLinkOutlivesThePlannedStart() {
        ZonedDateTime sentAt = ZonedDateTime.of(2027, 1, 4, 9, 0, 0, 0, DISTRICT);
        setClock(sentAt);
        LocalDate firstDay = FamilySigningScenario.START;
        Sent sent = scenario.sendToFamily("S100005", firstDay);
        String token = sent.parentToken(mail);

        setClock(firstDay.plusDays(2).atTime(10, 0).atZone(DISTRICT));
        assertThat(statusOfPage(token)).isEqualTo(HttpStatus.OK);
        setClock(sentAt.plusDays(14));
        assertThat(statusOfPage(token)).isEqualTo(HttpStatus.GONE);
    }

    @Test
    @DisplayName("AGR-08 a tampered or forged token is refused (404) and signs nothing")
    void tamperedTokenIsRefused() {
        Sent sent = scenario.sendToFamily("S100006");
        String token = sent.parentToken(mail);
        String otherClaims = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        String truncated = token.substring(0, token.length() - 2);
        String claimsOnly = token.substring(0, token.indexOf('.'));

        for (String forged : new String[] {otherClaims, truncated, claimsOnly, "not-a-token"}) {
            ResponseEntity<String> page = rest.getForEntity("/sign/" + forged, String.class);
            assertThat(page.getStatusCode()).as(forged).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(page.getBody()).contains("not valid").doesNotContain("Exception");
            assertThat(statusOfSigning(forged, "Luis Lopez")).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(scenario.signaturesOf(sent)).isEmpty();
    }

    @Test
    @DisplayName("AGR-08 after an edit the old version's link is gone (410) and cannot sign; the new link signs the new version")
    void supersededLinkCannotSign() {
        Sent first = scenario.sendToFamily("S100007");
        String oldToken = first.parentToken(mail);
        mail.reset();

        Sent edited = scenario.sendEditedVersion(first);
        String parentName = first.parent().getFullName();

        ResponseEntity<String> old = rest.getForEntity("/sign/" + oldToken, String.class);
        assertThat(old.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(old.getBody()).contains("the agreement was changed");
        assertThat(statusOfSigning(oldToken, parentName)).isEqualTo(HttpStatus.GONE);
        assertThat(scenario.signaturesOf(first)).isEmpty();
        assertThat(scenario.signaturesOf(edited)).isEmpty();

        assertThat(statusOfSigning(edited.parentToken(mail), parentName)).isEqualTo(HttpStatus.OK);
        assertThat(scenario.signaturesOf(edited)).hasSize(1);
    }

    @Test
    @DisplayName("AGR-08 a parent whose signature staff recorded in person can no longer sign with the e-mailed link (410); the student's link still works")
    void linkEndsWhenSignedInPerson() {
        Sent sent = scenario.sendToFamily("S100019");
        String parentToken = sent.parentToken(mail);
        setClock(DECEMBER_FIRST.plusHours(1));

        assertThat(RecordedFamilySignatures.inPerson(rest, "counselor", sent.caseId(), RecordedFamilySignatures
                .statement(1, sent.parent().getId(), DECEMBER_FIRST.plusMinutes(30))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat(statusOfPage(parentToken)).isEqualTo(HttpStatus.GONE);
        assertThat(statusOfSigning(parentToken, sent.parent().getFullName())).isEqualTo(HttpStatus.GONE);
        assertThat(scenario.signaturesOf(sent)).singleElement().extracting(AgreementSignature::getMethod)
                .isEqualTo(SignatureMethod.IN_PERSON);
        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("signingLinkWithdrawn"))
                .singleElement().extracting(TimelineEntry::getDescription).asString()
                .startsWith("Signing link of " + sent.parent().getFullName() + " (parent, guardian or caregiver)")
                .endsWith("withdrawn: signed in person");
        assertThat(statusOfPage(sent.studentToken(mail))).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("AGR-08 an e-mail the mail server did not take is recorded as failed and sent on retry")
    void failedMailIsRetried() {
        mail.stop();
        Sent sent = scenario.sendToFamily("S100008");
        assertThat(links.findAll()).filteredOn(l -> l.getAgreementVersionId().equals(sent.versionId()))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.getDeliveryStatus()).isEqualTo(DeliveryStatus.FAILED));

        mail.start();
        tries.runNext("signing-link", ref -> linksOf(sent.versionId()).contains(ref.replace(":reminder", "")));

        assertThat(links.findAll()).filteredOn(l -> l.getAgreementVersionId().equals(sent.versionId()))
                .allSatisfy(l -> {
                    assertThat(l.getDeliveryStatus()).isEqualTo(DeliveryStatus.SENT);
                    assertThat(l.getDeliveryAttempts()).isEqualTo(2);
                });
        assertThat(statusOfPage(sent.parentToken(mail))).isEqualTo(HttpStatus.OK);
        assertThat(caseRecord.timelineOf(sent.caseId())).extracting(TimelineEntry::getStep)
                .contains("signingLinkSent");
    }

    @Test
    @DisplayName("AGR-08 Issue 13.4 a link withdrawn while its e-mail waits for the mail server is never e-mailed: the parent signed in person meanwhile, and only the student's link goes out once the server is back")
    void withdrawnLinkIsNotEmailedLater() {
        mail.stop();
        Sent sent = scenario.sendToFamily("S100001");
        setClock(DECEMBER_FIRST.plusMinutes(30));
        assertThat(RecordedFamilySignatures.inPerson(rest, "counselor", sent.caseId(), RecordedFamilySignatures
                .statement(1, sent.parent().getId(), DECEMBER_FIRST.plusMinutes(20))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        mail.start();
        while (tries.runNext("signing-link", ref -> linksOf(sent.versionId()).contains(ref.replace(":reminder", "")))) {
            // the outbox's tries, as the job executor runs them
        }
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(SigningMailbox.tokensFor(mail, sent.parent().getEmail(), sent.student().fullName())).hasSize(1);
        assertThat(SigningMailbox.tokensFor(mail, sent.parent().getEmail(), sent.parent().getFullName())).isEmpty();
        assertThat(jdbc.queryForList("""
                select l.signer_role, o.status from mail_outbox o join signing_link l on o.reference = cast(l.id as varchar)
                 where o.purpose = 'signing-link' and l.agreement_version_id = ?""", sent.versionId()))
                .extracting(row -> row.get("signer_role") + " " + row.get("status"))
                .containsExactlyInAnyOrder("PARENT_OR_GUARDIAN WITHDRAWN", "STUDENT SENT");
        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("signingLinkSent"))
                .singleElement().satisfies(e -> assertThat(e.getDescription()).contains("(student)"));
    }

    @Test
    @DisplayName("AGR-07 AGR-08 Issue 13.4 a signing e-mail refused on its last try is on the record as not delivered; a link that expired meanwhile asks for nobody")
    void givenUpExpiredLinkAsksForNobody() {
        mail.stop();
        Sent sent = scenario.sendToFamily("S100001");
        java.util.function.Predicate<String> ownLinks = ref -> linksOf(sent.versionId()).contains(ref);
        for (int refusal = 2; refusal <= 9; refusal++) {
            assertThat(tries.runNext("signing-link", ownLinks)).isTrue();
        }
        assertThat(caseRecord.timelineOf(sent.caseId())).extracting(TimelineEntry::getStep)
                .doesNotContain("signingLinkUndelivered");

        // the links' 14 days pass before the outbox's last try
        setClock(DECEMBER_FIRST.plusDays(15));
        assertThat(tries.runNext("signing-link", ownLinks)).isTrue();
        assertThat(tries.next("signing-link", ownLinks)).isEmpty();

        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("signingLinkUndelivered"))
                .extracting(TimelineEntry::getDescription).satisfiesExactlyInAnyOrder(
                        parent -> assertThat(parent).contains(sent.parent().getFullName() + " (parent, guardian or caregiver) at "
                                + sent.parent().getEmail(), "refused it 10 times")
                                .endsWith("; the link is no longer needed"),
                        student -> assertThat(student).contains(sent.student().fullName() + " (student)",
                                "refused it 10 times").endsWith("; the link is no longer needed"));
        assertThat(published.stream(FamilySigningLinkUndelivered.class)).isEmpty();
        assertThat(links.findAll()).filteredOn(l -> l.getAgreementVersionId().equals(sent.versionId()))
                .hasSize(2).allSatisfy(l -> {
                    assertThat(l.getDeliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(l.getDeliveryAttempts()).isEqualTo(10);
                });
    }

    @Test
    @DisplayName("AGR-08 the token is stored only as its SHA-256, never itself")
    void tokenIsNotStored() {
        Sent sent = scenario.sendToFamily("S100009");
        String token = sent.parentToken(mail);

        assertThat(links.findByTokenHash(LinkTokens.hash(token))).hasValueSatisfying(
                l -> assertThat(l.getAgreementVersionId()).isEqualTo(sent.versionId()));
        assertThat(jdbc.queryForList("select * from signing_link")).allSatisfy(row -> assertThat(row.values())
                .noneMatch(value -> value != null && value.toString().contains(token.substring(0, 20))));
    }

    /** The ids of the version's links: the references of their e-mails in the mail outbox. */
    private java.util.Set<String> linksOf(Long versionId) {
        return links.findAll().stream().filter(l -> l.getAgreementVersionId().equals(versionId))
                .map(l -> l.getId().toString()).collect(java.util.stream.Collectors.toSet());
    }
}
