package org.independentstudy.signing;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Undelivered signing e-mails are retried on a schedule. */
@Configuration
@EnableScheduling
class SigningConfiguration {
}
