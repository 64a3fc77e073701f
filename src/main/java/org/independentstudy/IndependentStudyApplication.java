package org.independentstudy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IndependentStudyApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndependentStudyApplication.class, args);
    }
}
