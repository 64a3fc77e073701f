package org.independentstudy.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * camunda-bpm-assert reads one static engine; the test JVM holds two (H2 and PostgreSQL contexts). Before each test
 * the assertions are bound to the engine of the test's own Spring context, whichever context ran before.
 */
public class EngineAssertions implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }
}
