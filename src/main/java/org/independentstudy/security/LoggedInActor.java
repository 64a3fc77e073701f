package org.independentstudy.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.independentstudy.records.CurrentActor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The user our API authenticated, else the user the engine runs as (Tasklist sets it when a task is
 * completed), else the system (timers, jobs).
 */
@Component
class LoggedInActor implements CurrentActor {

    private final IdentityService identityService;

    LoggedInActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public String username() {
        org.springframework.security.core.Authentication web = SecurityContextHolder.getContext().getAuthentication();
        if (web != null && web.isAuthenticated() && web.getName() != null && !"anonymousUser".equals(web.getName())) {
            return web.getName();
        }
        Authentication engine = identityService.getCurrentAuthentication();
        return engine != null && engine.getUserId() != null ? engine.getUserId() : SYSTEM;
    }
}
