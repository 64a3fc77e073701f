package org.independentstudy.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one login page for staff: our pages, our API from the browser, Tasklist and Cockpit. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "desk/login";
    }
}
