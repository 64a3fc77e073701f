package org.independentstudy.support;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Files sent as a browser's upload form sends them (multipart/form-data). */
public final class Uploads {

    private Uploads() {
    }

    /** The file's content under its name, as one part of a form. */
    public static Resource file(String fileName, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    /** A form of these fields, sent as multipart/form-data. */
    public static HttpEntity<MultiValueMap<String, Object>> form(MultiValueMap<String, Object> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(fields, headers);
    }

    /** A form with the one field "file". */
    public static HttpEntity<MultiValueMap<String, Object>> fileForm(String fileName, byte[] content) {
        MultiValueMap<String, Object> fields = new LinkedMultiValueMap<>();
        fields.add("file", file(fileName, content));
        return form(fields);
    }
}
