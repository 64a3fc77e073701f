package org.independentstudy.support;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.independentstudy.family.process.MailOutboxJobs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mail outbox's tries, which the job executor runs in production, run by hand on the engine's clock: those of
 * the messages of one purpose whose reference the test picks (its own messages, in a context shared with others).
 */
@Component
public class MailOutboxTries {

    private final ManagementService management;
    private final JdbcTemplate jdbc;

    MailOutboxTries(ManagementService management, JdbcTemplate jdbc) {
        this.management = management;
        this.jdbc = jdbc;
    }

    /** The next try scheduled for these messages, if any. */
    public Optional<Job> next(String purpose, Predicate<String> reference) {
        return tries(purpose, reference).min(Comparator.comparing(Job::getDuedate));
    }

    /**
     * Moves the engine's clock to the next try of these messages (never back) and runs every try of theirs due by
     * then, once; false when none is scheduled.
     */
    public boolean runNext(String purpose, Predicate<String> reference) {
        Optional<Job> next = next(purpose, reference);
        next.ifPresent(job -> {
            if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime()));
            }
            Date now = ClockUtil.getCurrentTime();
            tries(purpose, reference).filter(due -> !due.getDuedate().after(now))
                    .forEach(due -> management.executeJob(due.getId()));
        });
        return next.isPresent();
    }

    private Stream<Job> tries(String purpose, Predicate<String> reference) {
        List<String> ids = jdbc.query("select id, reference from mail_outbox where purpose = ?",
                (rs, row) -> reference.test(rs.getString("reference")) ? rs.getString("id") : null, purpose);
        return management.createJobQuery().messages().list().stream()
                .filter(job -> MailOutboxJobs.TYPE.equals(((JobEntity) job).getJobHandlerType())
                        && ids.contains(((JobEntity) job).getJobHandlerConfigurationRaw()));
    }
}
