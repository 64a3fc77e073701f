package org.independentstudy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on in-memory H2 with the real engine (job executor off). Every test class using
 * exactly this annotation shares one Spring context. The engine's clock is fixed before each test
 * ({@link FixedEngineClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith({FixedEngineClock.class, EngineAssertions.class})
public @interface IntegrationTest {
}
