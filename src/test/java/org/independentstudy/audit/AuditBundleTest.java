package org.independentstudy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecording;
import org.independentstudy.participation.ParticipationStatus;
import org.independentstudy.records.Sha256;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.ReengagementWalk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The per-student audit bundle and FERPA's record of disclosures. */
@IntegrationTest
class AuditBundleTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    ReengagementWalk walk;

    @Test
    @DisplayName("REC-02 REC-03 REC-07 ATT-08 the audit bundle of a student: agreement PDF, signatures, participation, register, re-engagement, timeline, policy and calendar; the manifest's SHA-256 of every file recomputes; the export is recorded")
    void bundleWithVerifiedManifest() throws IOException {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        recording.record("teacher", List.of(
                new ParticipationEntry(placement.caseId(), ActivePlacements.START, ParticipationStatus.PARTICIPATORY,
                        null, 60, 45, List.of()),
                new ParticipationEntry(placement.caseId(), ActivePlacements.START.plusDays(1),
                        ParticipationStatus.NONPARTICIPATORY, "=cmd|' /C calc'!A0", 60, 0, List.of())));
        walk.sweepAfter(ReengagementWalk.SWEPT_DAY);
        String number = placement.student().getStudentNumber();

        ResponseEntity<byte[]> download = as(rest, "principal").getForEntity("/api/students/" + number
                + "/audit-bundle.zip", byte[].class);

        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit-" + number + ".zip");
        Map<String, byte[]> files = unzip(download.getBody());
        String dir = "case-" + placement.caseId() + "/";
        assertThat(files).containsKeys("index.html", AuditBundles.MANIFEST, "student.csv", "guardians.csv",
                dir + "agreement-v1.pdf", dir + "signatures.csv", dir + "participation.csv", dir + "register.csv",
                dir + "reengagement.csv", dir + "parent-notices.csv", dir + "timeline.csv", dir + "policy.csv",
                dir + "calendar.csv");
        List<String> manifest = new String(files.get(AuditBundles.MANIFEST), StandardCharsets.UTF_8).lines().toList();
        assertThat(manifest).hasSize(files.size() - 1);
        for (String line : manifest) {
            String sum = line.substring(0, 64);
            String name = line.substring(66);
            assertThat(Sha256.hex(files.get(name))).as(name).isEqualTo(sum);
        }
        try (var pdf = Loader.loadPDF(files.get(dir + "agreement-v1.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(placement.student().getLastName());
        }
        assertThat(text(files, dir + "participation.csv")).contains("2027-01-11,PARTICIPATORY")
                .contains("'=cmd|' /C calc'!A0");
        assertThat(text(files, dir + "register.csv")).contains("2027-01-11,45,0,240,0.1875");
        assertThat(text(files, dir + "reengagement.csv")).contains("REE-01");
        assertThat(text(files, dir + "signatures.csv")).contains("TEACHER");
        assertThat(text(files, dir + "policy.csv")).contains("BP6158-2022");
        assertThat(text(files, dir + "calendar.csv")).contains("2026-27").contains("Martin Luther King");
        assertThat(text(files, "index.html")).contains(dir + "agreement-v1.pdf").contains(Sha256.hex(files.get("student.csv")));

        List<Map<String, Object>> disclosed = as(rest, "admin").getForObject("/api/students/" + number + "/disclosures",
                List.class);
        assertThat(disclosed).first().satisfies(d -> assertThat(d).containsEntry("disclosedBy", "principal")
                .containsEntry("export", "AUDIT_BUNDLE").containsEntry("students", 1));
    }

    @Test
    @DisplayName("REC-07 who may export: a principal of another school gets 404, counselors, teachers and analysts 403; nothing is recorded for them")
    void whoMayExport() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        String url = "/api/students/" + placement.student().getStudentNumber() + "/audit-bundle.zip";

        assertThat(as(rest, "principal2").getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (String user : List.of("counselor", "teacher", "analyst")) {
            assertThat(as(rest, user).getForEntity(url, String.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as(rest, "admin").getForObject("/api/students/" + placement.student().getStudentNumber()
                + "/disclosures", List.class)).isEmpty();
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
