package org.independentstudy.participation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** ATT-09: the largest work sample a teacher may upload (spring.servlet.multipart caps any upload above it). */
@ConfigurationProperties("isp.participation.work-sample")
public record WorkSampleProperties(@DefaultValue("8MB") DataSize maxSize) {
}
