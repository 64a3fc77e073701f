package org.independentstudy.support;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A multipart form uploading a file, as a browser sends it, with the other fields a test gives. */
public final class Uploads {

    private Uploads() {
    }

    public static HttpEntity<MultiValueMap<String, Object>> file(String fileName, byte[] content) {
        return form(new LinkedMultiValueMap<>(), fileName, content);
    }

    /** The fields, and the file unless {@code content} is null (a form sent without its file). */
    public static HttpEntity<MultiValueMap<String, Object>> form(MultiValueMap<String, Object> fields, String fileName,
                                                                 byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>(fields);
        if (content != null) {
            form.add("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }
}
