package org.independentstudy.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(DistrictProperties district) {
        return new EngineClock(district.timeZone());
    }
}
