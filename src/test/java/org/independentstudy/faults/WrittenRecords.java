package org.independentstudy.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the nodes wrote, read straight from the database by the test, committed rows only. */
final class WrittenRecords {

    private final RestartablePostgres db;

    WrittenRecords(RestartablePostgres db) {
        this.db = db;
    }

    /** The student's cases, open or closed. */
    long casesOf(String studentNumber) throws SQLException {
        return count("select count(*) from is_case c join student s on s.id = c.student_id where s.student_number = ?",
                studentNumber);
    }

    /** Everything a family's request writes: case, timeline, enrollment, conference request, case process. */
    long writtenForRequestOf(String studentNumber) throws SQLException {
        return count("""
                select (select count(*) from is_case c where c.student_id = s.id)
                     + (select count(*) from case_timeline_entry t join is_case c on c.id = t.case_id where c.student_id = s.id)
                     + (select count(*) from enrollment e where e.student_id = s.id)
                     + (select count(*) from conference_request r join is_case c on c.id = r.case_id where c.student_id = s.id)
                     + (select count(*) from act_hi_procinst p join is_case c on c.id::text = p.business_key_
                         where c.student_id = s.id)
                  from student s where s.student_number = ?""", studentNumber);
    }

    long timelineEntries(long caseId, String step) throws SQLException {
        return count("select count(*) from case_timeline_entry where case_id = ? and step = ?", caseId, step);
    }

    /** Open tasks of the case's process (and the processes it called) for this step. */
    long openTasks(long caseId, String step) throws SQLException {
        return count("""
                select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                  join is_case c on c.process_instance_id = e.root_proc_inst_id_
                 where c.id = ? and t.task_def_key_ = ?""", caseId, step);
    }

    /** How often the case's process passed this activity (a timer event: how often it fired). */
    long passed(long caseId, String activityId) throws SQLException {
        return count("""
                select count(*) from act_hi_actinst a join is_case c on c.process_instance_id = a.root_proc_inst_id_
                 where c.id = ? and a.act_id_ = ?""", caseId, activityId);
    }

    /** Timer jobs still waiting for this activity (or, for a timer start event, this process). */
    long timerJobs(String activityOrProcess) throws SQLException {
        return count("select count(*) from act_ru_job where type_ = 'timer' and handler_cfg_ = ?", activityOrProcess);
    }

    /** Timer jobs for this activity that a job executor has taken (locked), executing or queued. */
    long lockedTimerJobs(String activity) throws SQLException {
        return count("select count(*) from act_ru_job where handler_cfg_ = ? and lock_owner_ is not null", activity);
    }

    long incidents() throws SQLException {
        return count("select count(*) from act_ru_incident");
    }

    /** Jobs the engine's job log shows as run successfully more than once. */
    long jobsRunMoreThanOnce() throws SQLException {
        return count("""
                select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2
                 group by job_id_ having count(*) > 1) twice""");
    }

    /** Successful job runs per node (the engine's host name, which each test node sets to its own name). */
    Map<String, Long> jobRunsPerNode() throws SQLException {
        Map<String, Long> runs = new LinkedHashMap<>();
        try (Connection connection = db.connect(); ResultSet rows = connection.createStatement().executeQuery("""
                select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_ order by 1""")) {
            while (rows.next()) {
                runs.put(rows.getString(1), rows.getLong(2));
            }
        }
        return runs;
    }

    /**
     * Database sessions that have written in an open transaction and wait for a lock: requests or jobs caught in the
     * middle, between their first write and their commit.
     */
    long writersWaitingForLock() throws SQLException {
        return count("""
                select count(*) from pg_stat_activity
                 where wait_event_type = 'Lock' and backend_xid is not null and pid <> pg_backend_pid()""");
    }

    /** Other sessions' transactions still open (a dead node's end once the server notices the node is gone). */
    long openTransactionsOfOthers() throws SQLException {
        return count("""
                select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()
                   and (backend_xid is not null or state like 'idle in transaction%')""");
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
