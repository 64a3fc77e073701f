package org.independentstudy.faults;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The test holding a table in EXCLUSIVE mode in a transaction of its own: reads go on, but whoever writes to the
 * table waits, in the middle of their transaction, until the test lets go.
 */
final class WriteLock implements AutoCloseable {

    private final Connection connection;

    private WriteLock(Connection connection) {
        this.connection = connection;
    }

    static WriteLock on(RestartablePostgres db, String table) throws SQLException {
        Connection connection = db.connect();
        connection.setAutoCommit(false);
        connection.createStatement().execute("lock table " + table + " in exclusive mode");
        return new WriteLock(connection);
    }

    /** Lets go (the transaction ends with nothing written); a server already gone took the lock with it. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException serverGone) {
            // nothing is held any more
        }
    }
}
