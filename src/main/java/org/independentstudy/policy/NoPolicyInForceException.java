package org.independentstudy.policy;

import java.time.LocalDate;

public class NoPolicyInForceException extends RuntimeException {

    public NoPolicyInForceException(LocalDate date) {
        super("No district independent-study policy is in force on " + date
                + "; adopt one under isp.policy.adopted");
    }
}
