package org.independentstudy.family.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.independentstudy.family.MailJobs;
import org.independentstudy.family.MailOutbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Issue 13.4: the outbox's tries as jobs of the engine's job executor, so that every node shares them and each try
 * runs once: a job of type {@value #TYPE} whose configuration is the message's id, due when the try is. A refused
 * try schedules the next one in the same transaction.
 */
@Component
public class MailOutboxJobs extends AbstractProcessEnginePlugin implements MailJobs {

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
        // the outbox's table records every try; the engine's log of these jobs would outlive every cleanup (a job
        // of no process has no removal time), so it is not written
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> historyHandlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        historyHandlers.add(0, new WithoutOutboxJobLog());
        configuration.setCustomHistoryEventHandlers(historyHandlers);
    }

    /** The engine's history in its database, but for the log of the outbox's jobs. */
    private static class WithoutOutboxJobLog extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricJobLogEventEntity log && TYPE.equals(log.getJobDefinitionType()))) {
                super.handleEvent(event);
            }
        }
    }

    @Override
    public String schedule(long messageId, Instant due) {
        return configuration.getCommandExecutorTxRequired().execute(context -> schedule(context, messageId, due));
    }

    @Override
    public void cancel(String jobId) {
        try {
            // the engine's own command, not the API's: no user's permission is at stake in withdrawing our own job
            configuration.getCommandExecutorTxRequiresNew().execute(context -> {
                JobEntity job = context.getJobManager().findJobById(jobId);
                if (job != null && job.getLockOwner() == null) {
                    job.delete();
                }
                return null;
            });
        } catch (ProcessEngineException e) {
            // acquired by a node meanwhile: that try finds the message sent
        }
    }

    @Override
    public void asSystem(Runnable work) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        SecurityContext web = SecurityContextHolder.getContext();
        configuration.getIdentityService().clearAuthentication();
        SecurityContextHolder.clearContext();
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(web);
            if (user != null) {
                configuration.getIdentityService().setAuthentication(user);
            }
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
