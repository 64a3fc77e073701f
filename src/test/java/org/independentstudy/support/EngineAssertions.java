package org.independentstudy.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * camunda-bpm-assert and /engine-rest each read one static engine (/engine-rest serves {@link ProcessEngines}'
 * "default"); the test JVM holds two, both named "default" (H2 and PostgreSQL contexts), the last one built
 * registered. Before each test both are bound to the engine of the test's own Spring context, whichever context
 * ran before. After each test nobody is left authenticated to the engine: a test failing while it acts as a
 * staff member does not make every later test of its thread fail as that member.
 */
public class EngineAssertions implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        BpmnAwareTests.init(engine);
        ProcessEngines.registerProcessEngine(engine);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class).getIdentityService()
                .clearAuthentication();
    }
}
