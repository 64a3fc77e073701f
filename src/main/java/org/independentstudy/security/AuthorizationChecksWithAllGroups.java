package org.independentstudy.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Issue 13.12: the engine checks grants with all of the user's groups, without first reading which groups hold any
 * grant at all. Before each command's first check the engine asks {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION}, to leave groups without grants out of its checks; with a grant per open task and school
 * that reads every grant of the district (about 3 to 9 ms with 20,000 open tasks), about three times for each page
 * of Tasklist. Our users belong to a handful of groups, and a group without grants matches no grant in a check, so
 * checking with all of them allows exactly what the engine's way allows.
 */
@Component
class AuthorizationChecksWithAllGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // a custom factory replaces the engine's own for the same session type
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new AllGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager, but the user's groups go into each check as they are. */
    static final class AllGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return EMPTY_LIST;
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
