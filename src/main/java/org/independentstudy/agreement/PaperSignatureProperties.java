package org.independentstudy.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** AGR-06: the largest scan of a paper signature staff may upload (spring.servlet.multipart caps any upload). */
@ConfigurationProperties("isp.agreement.paper-signature")
public record PaperSignatureProperties(@DefaultValue("5MB") DataSize maxSize) {
}
