package org.independentstudy.support;

import org.independentstudy.demo.DemoDistrict;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** REST calls as one of the demo users. */
public final class Api {

    private Api() {
    }

    public static TestRestTemplate as(TestRestTemplate rest, String username) {
        return rest.withBasicAuth(username, DemoDistrict.PASSWORD);
    }
}
