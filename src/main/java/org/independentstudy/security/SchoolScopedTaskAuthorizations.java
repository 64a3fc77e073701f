package org.independentstudy.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine grants a task to its candidate groups as the task is offered. For a task of a case, a role group's
 * grant goes to that role at the case's school and to the role district-wide instead ({@link SchoolScopes}), so a
 * counselor at one school neither sees nor works the cases of another. Tasks of no case keep the engine's default.
 */
@Component
class SchoolScopedTaskAuthorizations extends AbstractProcessEnginePlugin {

    private final JdbcTemplate jdbc;

    SchoolScopedTaskAuthorizations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    /** The code of the school of the case the task serves (every process of a case has its id as business key). */
    private Optional<String> schoolOf(Task task) {
        ExecutionEntity instance = task instanceof TaskEntity entity ? entity.getProcessInstance() : null;
        String caseId = instance == null ? null : instance.getBusinessKey();
        if (caseId == null || !caseId.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        List<String> codes = jdbc.queryForList("select s.code from is_case c join school s on s.id = c.school_id "
                + "where c.id = ?", String.class, Long.valueOf(caseId));
        return codes.stream().findFirst();
    }

    private final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            Optional<String> school = SchoolScopes.CASE_ROLE_GROUPS.contains(groupId) ? schoolOf(task)
                    : Optional.empty();
            if (school.isEmpty()) {
                return super.newTaskGroupIdentityLink(task, groupId, type);
            }
            return Stream.of(SchoolScopes.atSchool(groupId, school.get()), SchoolScopes.districtWide(groupId))
                    .flatMap(scope -> Arrays.stream(super.newTaskGroupIdentityLink(task, scope, type)))
                    .toArray(AuthorizationEntity[]::new);
        }
    }
}
