package org.independentstudy.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one login page for staff: our pages, our API from the browser, Tasklist and Cockpit. With the district's
 * sign-on configured it offers that first; local accounts (the demo users, break-glass admins) stay.
 */
@Controller
class LoginPage {

    private final ObjectProvider<ClientRegistrationRepository> districtAccounts;

    LoginPage(ObjectProvider<ClientRegistrationRepository> districtAccounts) {
        this.districtAccounts = districtAccounts;
    }

    @GetMapping("/login")
    ModelAndView login() {
        return new ModelAndView("desk/login").addObject("signOn", districtAccounts.getIfAvailable() != null);
    }
}
