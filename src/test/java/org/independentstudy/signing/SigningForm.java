package org.independentstudy.signing;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Submits the signing page's form as a browser would, without login. */
final class SigningForm {

    private SigningForm() {
    }

    static ResponseEntity<String> submit(TestRestTemplate rest, String token, String fullName, boolean consent) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("fullName", fullName);
        if (consent) {
            form.add("consent", "true");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.postForEntity("/sign/" + token, new HttpEntity<>(form, headers), String.class);
    }
}
