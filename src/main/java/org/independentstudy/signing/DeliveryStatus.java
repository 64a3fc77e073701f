package org.independentstudy.signing;

/** Whether the e-mail carrying a signing link reached the mail server. */
enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
