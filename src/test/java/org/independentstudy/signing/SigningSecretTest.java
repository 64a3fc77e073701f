package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The signing secret at startup: the rule on its own, and with the real application.yml and the environment
 * variables a container gets (only the signing settings are started, in milliseconds).
 */
class SigningSecretTest {

    private static final String DISTRICT_SECRET = "a-secret-of-the-district-of-32-characters";

    @Test
    @DisplayName("AGR-08 production (profile postgres, DEMO_DATA unset) refuses to start without ISP_SIGNING_SECRET and says what to set")
    void productionRefusesToStartWithoutSecret() {
        for (Map<String, Object> environment : List.<Map<String, Object>>of(
                Map.of("SPRING_PROFILES_ACTIVE", "postgres"),
                Map.of("SPRING_PROFILES_ACTIVE", "postgres", "ISP_SIGNING_SECRET", "", "DEMO_DATA", "false"))) {
            assertThatThrownBy(() -> start(environment).close())
                    .as("environment %s", environment)
                    .rootCause()
                    .hasMessageStartingWith("ISP_SIGNING_SECRET is not set")
                    .hasMessageContaining("Set ISP_SIGNING_SECRET (isp.signing.secret) to at least 32 random characters");
        }
    }

    @Test
    @DisplayName("AGR-08 the demo (DEMO_DATA=true) starts without a secret on the demo secret; a secret that is set is used")
    void demoStartsOnTheDemoSecret() {
        try (ConfigurableApplicationContext demo = start(Map.of("SPRING_PROFILES_ACTIVE", "postgres", "DEMO_DATA", "true",
                "ISP_SIGNING_SECRET", ""))) {
            assertThat(demo.getBean(SigningProperties.class).secret()).isEqualTo(SigningProperties.DEMO_SECRET);
        }
        try (ConfigurableApplicationContext demo = start(Map.of("SPRING_PROFILES_ACTIVE", "postgres", "DEMO_DATA", "true",
                "ISP_SIGNING_SECRET", DISTRICT_SECRET))) {
            assertThat(demo.getBean(SigningProperties.class).secret()).isEqualTo(DISTRICT_SECRET);
        }
        try (ConfigurableApplicationContext production = start(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                "ISP_SIGNING_SECRET", DISTRICT_SECRET))) {
            assertThat(production.getBean(SigningProperties.class).secret()).isEqualTo(DISTRICT_SECRET);
        }
    }

    @Test
    @DisplayName("AGR-08 the published demo secret, or one shorter than 32 characters, is refused outside the demo")
    void demoOrShortSecretIsRefused() {
        assertThatThrownBy(() -> properties(SigningProperties.DEMO_SECRET, false))
                .hasMessageContaining("ISP_SIGNING_SECRET is the published demo secret");
        assertThat(properties(SigningProperties.DEMO_SECRET, true).secret()).isEqualTo(SigningProperties.DEMO_SECRET);
        assertThatThrownBy(() -> properties(DISTRICT_SECRET.substring(0, 31), false))
                .hasMessageContaining("ISP_SIGNING_SECRET is shorter than 32 characters");
        assertThatThrownBy(() -> properties(DISTRICT_SECRET.substring(0, 31), true))
                .hasMessageContaining("ISP_SIGNING_SECRET is shorter than 32 characters");
        assertThat(properties(DISTRICT_SECRET.substring(0, 32), false).secret()).hasSize(32);
    }

    private static SigningProperties properties(String secret, boolean demoData) {
        return new SigningProperties(secret, demoData, Duration.ofDays(14));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SigningProperties.class)
    static class SigningSettingsOnly {
    }

    /** application.yml with exactly these environment variables (none of this machine's), no logging set-up. */
    private static ConfigurableApplicationContext start(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                sources.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
            }
        };
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SigningSettingsOnly.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false);
        // only the listener that reads application.yml: the suite's other contexts keep their logging
        builder.application().setListeners(List.of(new EnvironmentPostProcessorApplicationListener()));
        return builder.run();
    }
}
