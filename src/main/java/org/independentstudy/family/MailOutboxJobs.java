package org.independentstudy.family;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Issue 13.4: the outbox's tries as jobs of the engine's job executor, so that every node shares them and each try
 * runs once: a job of type {@value #TYPE} whose configuration is the message's id, due when the try is. A refused
 * try schedules the next one in the same transaction.
 */
@Component
public class MailOutboxJobs extends AbstractProcessEnginePlugin {

    public static final String TYPE = "isp-mail-outbox";

    private record MessageId(long id) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return Long.toString(id);
        }
    }

    private final ObjectProvider<MailOutbox> outbox;
    private ProcessEngineConfigurationImpl configuration;

    MailOutboxJobs(ObjectProvider<MailOutbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(new TryToSend());
        configuration.setCustomJobHandlers(handlers);
    }

    /** In the caller's transaction: a try of the message, due at that moment. Returns the job's id. */
    String schedule(long messageId, Instant due) {
        return configuration.getCommandExecutorTxRequired().execute(context -> schedule(context, messageId, due));
    }

    /** The try standing by is not needed (the message was sent); one already running finds nothing to do. */
    void cancel(String jobId) {
        try {
            configuration.getManagementService().deleteJob(jobId);
        } catch (ProcessEngineException e) {
            // being executed on some node, or gone: it finds the message sent
        }
    }

    private static String schedule(CommandContext context, long messageId, Instant due) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfiguration(new MessageId(messageId));
        job.setDuedate(Date.from(due));
        context.getJobManager().send(job);
        return job.getId();
    }

    private class TryToSend implements JobHandler<MessageId> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(MessageId message, ExecutionEntity execution, CommandContext context, String tenantId) {
            Optional<Instant> next = outbox.getObject().tryFromJob(message.id());
            next.ifPresent(due -> outbox.getObject().standingBy(message.id(), schedule(context, message.id(), due)));
        }

        @Override
        public MessageId newConfiguration(String canonicalString) {
            return new MessageId(Long.parseLong(canonicalString));
        }

        @Override
        public void onDelete(MessageId message, JobEntity job) {
            // the message stays in the outbox, with its tries on record
        }
    }
}
