package org.independentstudy.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * camunda-bpm-assert and /engine-rest each read one static engine (/engine-rest serves {@link ProcessEngines}'
 * "default"); the test JVM holds two, both named "default" (H2 and PostgreSQL contexts), the last one built
 * registered. Before each test both are bound to the engine of the test's own Spring context, whichever context
 * ran before.
 */
public class EngineAssertions implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        BpmnAwareTests.init(engine);
        ProcessEngines.registerProcessEngine(engine);
    }
}
