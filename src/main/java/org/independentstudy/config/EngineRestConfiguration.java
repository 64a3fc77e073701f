package org.independentstudy.config;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's REST API (/engine-rest) as the starter builds it, with our answers to refused task forms. */
@Configuration
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(RefusedTaskForms.class);
            }
        };
    }
}
