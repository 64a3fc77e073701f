package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.independentstudy.support.FixedEngineClock.DECEMBER_FIRST;
import static org.independentstudy.support.FixedEngineClock.setClock;
import static org.independentstudy.support.RecordedFamilySignatures.SCAN;
import static org.independentstudy.support.RecordedFamilySignatures.inPerson;
import static org.independentstudy.support.RecordedFamilySignatures.onPaper;
import static org.independentstudy.support.RecordedFamilySignatures.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.Api;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.independentstudy.records.Sha256;

/** AGR-06, AGR-08: staff record a family member's signature given in person or on paper, through the API. */
@IntegrationTest
class FamilySignatureRecordingTest {

    /** The agreements of these tests are sent at this time (the fixed engine clock); staff record two hours later. */
    private static final ZonedDateTime SENT = DECEMBER_FIRST;
    private static final ZonedDateTime NOW = DECEMBER_FIRST.plusHours(2);
    private static final int FIVE_MB = 5 * 1024 * 1024;

    @Autowired
    AgreementScenarios scenarios;
    @Autowired
    AgreementDrafting drafting;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    GuardianRepository guardians;
    @Autowired
    AgreementVersionRepository versions;
    @Autowired
    AgreementActivation activation;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    private record Sent(Student student, Guardian parent, AgreementVersion version, Long caseId) {
    }

    /** An agreement of a family without e-mail, sent for signature; the clock then moves on to {@link #NOW}. */
    private Sent sentToFamilyWithoutEmail(String studentNumber) {
        Student student = scenarios.familyWithoutEmail(studentNumber, "Elena Mendez");
        AgreementVersion version = scenarios.sentAgreement(student, "teacher");
        setClock(NOW);
        return new Sent(student, guardians.findByStudentIdOrderById(student.getId()).get(0), version,
                drafting.agreementOfVersion(version.getId()).getCaseId());
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    @Test
    @DisplayName("AGR-06 AGR-08 a family without e-mail signs in person and on paper: witness, time and the version's SHA-256 are on record, the scan is kept with its own, and the printed agreement says how each signed")
    void familyWithoutEmailSignsInPersonAndOnPaper() throws Exception {
        Sent sent = sentToFamilyWithoutEmail("S300601");
        String versionSha256 = sent.version().getContentSha256();
        assertThat(caseRecord.timelineOf(sent.caseId())).extracting(TimelineEntry::getStep)
                .contains("signingLinkNotSent");
        JsonNode status = body(Api.as(rest, "teacher").getForEntity("/api/cases/{id}/agreement/signatures",
                String.class, sent.caseId()));
        assertThat(status.at("/awaiting").findValuesAsText("role"))
                .containsExactly("STUDENT", "PARENT_OR_GUARDIAN", "SUPERVISING_TEACHER");
        assertThat(status.at("/awaiting/1/guardianId").asLong()).isEqualTo(sent.parent().getId());
        assertThat(status.at("/awaiting/1/hasEmail").asBoolean()).isFalse();

        ResponseEntity<String> parent = inPerson(rest, "counselor", sent.caseId(),
                statement(1, sent.parent().getId(), SENT.plusHours(1)));
        assertThat(parent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode witnessed = body(parent);
        assertThat(witnessed.get("method").asText()).isEqualTo("IN_PERSON");
        assertThat(witnessed.get("recordedBy").asText()).isEqualTo("counselor");
        assertThat(witnessed.get("howSigned").asText()).isEqualTo("in person, witnessed by Dana Whitfield");
        assertThat(witnessed.get("signedAt").asText()).isEqualTo(SENT.plusHours(1).toInstant().toString());
        assertThat(witnessed.get("agreementSha256").asText()).isEqualTo(versionSha256);

        ResponseEntity<String> student = onPaper(rest, "teacher", sent.caseId(),
                statement(1, null, SENT.plusMinutes(90)), "signed-agreement.pdf", SCAN);
        assertThat(student.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode onPaper = body(student);
        assertThat(onPaper.get("method").asText()).isEqualTo("PAPER");
        assertThat(onPaper.get("howSigned").asText()).isEqualTo("on paper, scanned, recorded by Marcus Bell");
        ResponseEntity<byte[]> scan = Api.as(rest, "principal").getForEntity(
                "/api/cases/{id}/agreement/paper-signatures/{scan}", byte[].class, sent.caseId(),
                onPaper.get("paperScanId").asLong());
        assertThat(scan.getBody()).isEqualTo(SCAN);
        String scanSha256 = Sha256.hex(SCAN);
        assertThat(scan.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(scanSha256);

        assertThat(signatures.signaturesOf(sent.version().getId()))
                .extracting(AgreementSignature::getSignerRole, AgreementSignature::getMethod,
                        AgreementSignature::getContentSha256)
                .containsExactly(
                        tuple(SignerRole.PARENT_OR_GUARDIAN, SignatureMethod.IN_PERSON, versionSha256),
                        tuple(SignerRole.STUDENT, SignatureMethod.PAPER, versionSha256));
        assertThat(caseRecord.timelineOf(sent.caseId())).filteredOn(e -> e.getStep().equals("agreementSigned"))
                .extracting(TimelineEntry::getActor, TimelineEntry::getDescription).containsExactly(
                        tuple("counselor", "Elena Mendez signed version 1 of the written agreement as "
                                + "PARENT_OR_GUARDIAN on 2026-12-01 11:00 PST, in person, witnessed by Dana Whitfield "
                                + "(agreement SHA-256 " + versionSha256 + ")"),
                        tuple("teacher", "Rosa Mendez signed version 1 of the written agreement as STUDENT "
                                + "on 2026-12-01 11:30 PST, on paper, scanned, recorded by Marcus Bell; scan "
                                + "'signed-agreement.pdf' has SHA-256 " + scanSha256 + " (agreement SHA-256 "
                                + versionSha256 + ")"));

        ResponseEntity<byte[]> pdf = Api.as(rest, "counselor").getForEntity("/api/cases/{id}/agreement.pdf",
                byte[].class, sent.caseId());
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(
                    "2026-12-01 11:00 PST (in person, witnessed by Dana Whitfield)",
                    "2026-12-01 11:30 PST (on paper, scanned, recorded by Marcus Bell)");
        }
    }

    @Test
    @DisplayName("AGR-06 AGR-09 a student's signature given at 17 and recorded after the 18th birthday counts: signed last by the teacher when the student was an adult, the agreement is complete without the parent and activates")
    void signatureGivenBeforeTurning18RecordedAfter() throws Exception {
        Student turning18 = scenarios.student("S200001");
        setClock(ZonedDateTime.of(2027, 1, 13, 10, 0, 0, 0, DECEMBER_FIRST.getZone()));
        AgreementVersion version = scenarios.sentAgreement(turning18, "teacher");
        Long caseId = drafting.agreementOfVersion(version.getId()).getCaseId();
        ZonedDateTime afterBirthday = ZonedDateTime.of(2027, 1, 20, 10, 0, 0, 0, DECEMBER_FIRST.getZone());
        setClock(afterBirthday);
        signatures.sign(version.getId(), SignerRole.SUPERVISING_TEACHER, "teacher", SignatureMethod.TASKLIST);

        ResponseEntity<String> student = inPerson(rest, "counselor", caseId,
                statement(1, null, afterBirthday.minusDays(6)));
        assertThat(student.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(student).get("signedAt").asText()).isEqualTo("2027-01-14T18:00:00Z");
        assertThat(versions.findById(version.getId()).orElseThrow().getStatus())
                .isEqualTo(AgreementVersion.Status.FULLY_SIGNED);
        assertThat(activation.activate(version.getId()).firstDay()).isEqualTo(LocalDate.of(2027, 1, 21));
    }

    @Test
    @DisplayName("AGR-08 the same family signer recorded twice signs once: the second answer is 200 with the signature on record, and no second scan is kept")
    void recordingTwiceSignsOnce() throws Exception {
        Sent sent = sentToFamilyWithoutEmail("S300602");
        ResponseEntity<String> first = inPerson(rest, "counselor", sent.caseId(),
                statement(1, sent.parent().getId(), NOW));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> again = inPerson(rest, "teacher", sent.caseId(),
                statement(1, sent.parent().getId(), NOW));
        ResponseEntity<String> onPaperToo = onPaper(rest, "counselor", sent.caseId(),
                statement(1, sent.parent().getId(), NOW), "again.pdf", SCAN);

        for (ResponseEntity<String> repeated : List.of(again, onPaperToo)) {
            assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(body(repeated).get("id").asLong()).isEqualTo(body(first).get("id").asLong());
            assertThat(body(repeated).get("newlyRecorded").asBoolean()).isFalse();
            assertThat(body(repeated).get("paperScanId").isNull()).isTrue();
        }
        assertThat(signatures.signaturesOf(sent.version().getId())).singleElement()
                .extracting(AgreementSignature::getRecordedBy).isEqualTo("counselor");
    }

    @Test
    @DisplayName("AGR-08 a version an edit replaced is not signed (409); the new version is, and a version that never existed is a 400 naming versionNumber")
    void staleVersionIsRefused() throws Exception {
        Sent sent = sentToFamilyWithoutEmail("S300603");
        drafting.reopenForRevision(sent.version().getId(), "the family asked for Thursday submissions");
        AgreementVersion second = drafting.save(sent.version().getAgreementId(), Agreements.completeDraft(
                AgreementScenarios.START, AgreementScenarios.END.minusDays(1), "teacher", List.of()));
        drafting.sendForSignature(second.getId(), null);

        ResponseEntity<String> stale = inPerson(rest, "counselor", sent.caseId(),
                statement(1, sent.parent().getId(), NOW));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(stale).get("detail").asText())
                .isEqualTo("AGR-08: version 1 was replaced after an edit; the family signs the current version 2 again");
        ResponseEntity<String> unknown = inPerson(rest, "counselor", sent.caseId(),
                statement(7, sent.parent().getId(), NOW));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(unknown).at("/errors/versionNumber").asText()).contains("has no version 7");
        assertThat(signatures.signaturesOf(sent.version().getId())).isEmpty();
        assertThat(signatures.signaturesOf(second.getId())).isEmpty();

        assertThat(inPerson(rest, "counselor", sent.caseId(), statement(2, sent.parent().getId(), NOW))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(signatures.signaturesOf(second.getId())).singleElement()
                .extracting(AgreementSignature::getContentSha256).isEqualTo(second.getContentSha256());
    }

    @Test
    @DisplayName("AGR-08 the time signed is neither before the version was sent nor in the future: a second either way is a 400 naming signedAt; the very second it was sent and now are accepted")
    void signingTimeBetweenSendingAndNow() throws Exception {
        Sent sent = sentToFamilyWithoutEmail("S300604");
        Long parentId = sent.parent().getId();

        ResponseEntity<String> beforeSent = inPerson(rest, "counselor", sent.caseId(),
                statement(1, parentId, SENT.minusSeconds(1)));
        ResponseEntity<String> future = onPaper(rest, "counselor", sent.caseId(),
                statement(1, parentId, NOW.plusSeconds(1)), "scan.pdf", SCAN);
        for (ResponseEntity<String> refused : List.of(beforeSent, future)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(body(refused).get("rule").asText()).isEqualTo("AGR-08");
        }
        assertThat(body(beforeSent).at("/errors/signedAt").asText()).contains("was sent for signature on");
        assertThat(body(future).at("/errors/signedAt").asText()).contains("is in the future");
        assertThat(signatures.signaturesOf(sent.version().getId())).isEmpty();

        assertThat(inPerson(rest, "counselor", sent.caseId(), statement(1, null, SENT)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(inPerson(rest, "counselor", sent.caseId(), statement(1, parentId, NOW)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @DisplayName("AGR-06 a scan is a PDF by its content and at most 5 MB: nothing, a text file named .pdf, or 5 MB and one byte are refused naming the field; exactly 5 MB is accepted")
    void scanIsAPdfWithinTheLimit() throws Exception {
        Sent sent = sentToFamilyWithoutEmail("S300605");
        ResponseEntity<String> empty = onPaper(rest, "counselor", sent.caseId(), Map.of(), null, null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(empty).get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("versionNumber", "signer", "signedAt", "file");

        ResponseEntity<String> notPdf = onPaper(rest, "counselor", sent.caseId(), statement(1, null, NOW),
                "signature.pdf", "I agree. Rosa Mendez".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(notPdf).at("/errors/file").asText()).isEqualTo("the scan is not a PDF document");

        ResponseEntity<String> tooLarge = onPaper(rest, "counselor", sent.caseId(), statement(1, null, NOW),
                "large.pdf", pdfOfSize(FIVE_MB + 1));
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(tooLarge).at("/errors/file").asText())
                .isEqualTo("the scan has 5242881 bytes, more than the limit of 5242880 bytes (5 MB)");
        assertThat(signatures.signaturesOf(sent.version().getId())).isEmpty();

        assertThat(onPaper(rest, "counselor", sent.caseId(), statement(1, null, NOW), "large.pdf",
                pdfOfSize(FIVE_MB)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @DisplayName("AGR-06 only the family's own signers are recorded: another student's parent or a staff role is a 400 naming the field, and nothing is written")
    void onlyTheFamilysSigners() throws Exception {
        Sent sent = sentToFamilyWithoutEmail("S300606");
        Long otherParent = guardians.findByStudentIdOrderById(scenarios.student("S100011").getId()).get(0).getId();

        ResponseEntity<String> stranger = inPerson(rest, "counselor", sent.caseId(), statement(1, otherParent, NOW));
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(stranger).get("rule").asText()).isEqualTo("AGR-06");
        assertThat(body(stranger).at("/errors/guardianId").asText()).startsWith("guardian:" + otherParent
                + " is not a family signer of this agreement on 2026-12-01; they are: Rosa Mendez");

        Map<String, Object> asTeacher = statement(1, null, NOW);
        asTeacher.put("signer", "SUPERVISING_TEACHER");
        ResponseEntity<String> staffRole = inPerson(rest, "counselor", sent.caseId(), asTeacher);
        assertThat(staffRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(staffRole).at("/errors/signer").asText()).contains("STUDENT or PARENT_OR_GUARDIAN");
        assertThat(signatures.signaturesOf(sent.version().getId())).isEmpty();
    }

    @Test
    @DisplayName("AGR-06 only counselors and teachers record family signatures: a principal, the special-education coordinator and an analyst get 403; analysts do not see the signatures")
    void wrongRolesAreForbidden() {
        Sent sent = sentToFamilyWithoutEmail("S300607");
        for (String user : List.of("principal", "sped", "analyst")) {
            assertThat(inPerson(rest, user, sent.caseId(), statement(1, sent.parent().getId(), NOW))
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(onPaper(rest, user, sent.caseId(), statement(1, null, NOW), "scan.pdf", SCAN)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(Api.as(rest, "analyst").getForEntity("/api/cases/{id}/agreement/signatures", String.class,
                sent.caseId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(signatures.signaturesOf(sent.version().getId())).isEmpty();
    }

    private static byte[] pdfOfSize(int size) {
        byte[] pdf = Arrays.copyOf(SCAN, size);
        Arrays.fill(pdf, SCAN.length, size, (byte) ' ');
        return pdf;
    }
}
