package org.independentstudy.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import org.independentstudy.records.Sha256;

/**
 * The canonical form of an agreement's content: JSON with sorted keys and ISO dates, so the same content
 * always gives the same bytes and the same SHA-256 fingerprint (AGR-08).
 */
record CanonicalContent(String json, String sha256) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    static CanonicalContent of(AgreementContent content) {
        try {
            String json = JSON.writeValueAsString(content);
            return new CanonicalContent(json, Sha256.hex(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Agreement content cannot be written as JSON", e);
        }
    }

    static AgreementContent read(String json) {
        try {
            return JSON.readValue(json, AgreementContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored agreement content is not readable", e);
        }
    }
}
