package org.independentstudy.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.independentstudy.IndependentStudyApplication;
import org.springframework.boot.SpringApplication;

/**
 * The application as a fault test runs it, in a process of its own ({@link ApplicationNode}): its clock (the
 * engine's, which is the application's) runs ahead of this machine's by an offset the test gives at the start and
 * moves later, one line on standard input each ({@link #CLOCK_MOVED} is the answer), so that the test's school days
 * lie in the demo calendars whatever the date here, timers fall due when the test says, and the nodes of a test
 * agree on the time. Standard input closing means the test is gone: the node goes too. Copied alone onto the node's
 * class path, so none of the test configurations is scanned.
 */
public final class ClockedApplication {

    static final String CLOCK_OFFSET = "fault.clock-offset-millis";
    static final String CLOCK_MOVED = "FAULT-TEST CLOCK OFFSET ";

    private ClockedApplication() {
    }

    public static void main(String[] args) {
        ClockUtil.offset(Long.getLong(CLOCK_OFFSET, 0L));
        Thread clock = new Thread(ClockedApplication::followTheTestsClock, "fault-test-clock");
        clock.setDaemon(true);
        clock.start();
        SpringApplication.run(IndependentStudyApplication.class, args);
    }

    private static void followTheTestsClock() {
        try (BufferedReader test = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String offset = test.readLine(); offset != null; offset = test.readLine()) {
                ClockUtil.offset(Long.parseLong(offset.strip()));
                System.out.println(CLOCK_MOVED + offset.strip());
            }
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        }
        Runtime.getRuntime().halt(1);
    }
}
