package org.independentstudy.support;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Staff recording a family member's in-person or paper signature through the API (AGR-06), as a demo user. */
public final class RecordedFamilySignatures {

    /** The smallest file that is a PDF by its content. */
    public static final byte[] SCAN = "%PDF-1.4\n% signed on paper, scanned\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private RecordedFamilySignatures() {
    }

    /** The statement's fields: a parent's signature when {@code guardianId} is given, else the student's. */
    public static Map<String, Object> statement(int versionNumber, Long guardianId, ZonedDateTime signedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("versionNumber", versionNumber);
        fields.put("signer", guardianId == null ? "STUDENT" : "PARENT_OR_GUARDIAN");
        if (guardianId != null) {
            fields.put("guardianId", guardianId);
        }
        fields.put("signedAt", signedAt.toOffsetDateTime().toString());
        return fields;
    }

    public static ResponseEntity<String> inPerson(TestRestTemplate rest, String username, Long caseId,
                                                  Map<String, Object> statement) {
        return Api.as(rest, username).postForEntity("/api/cases/{id}/agreement/signatures/in-person", statement,
                String.class, caseId);
    }

    public static ResponseEntity<String> onPaper(TestRestTemplate rest, String username, Long caseId,
                                                 Map<String, Object> statement, String fileName, byte[] scan) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        statement.forEach((field, value) -> form.add(field, value.toString()));
        if (scan != null) {
            form.add("file", Uploads.file(fileName, scan));
        }
        return Api.as(rest, username).postForEntity("/api/cases/{id}/agreement/signatures/paper",
                Uploads.form(form), String.class, caseId);
    }
}
