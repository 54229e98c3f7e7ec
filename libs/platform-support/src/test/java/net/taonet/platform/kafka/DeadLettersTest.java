package net.taonet.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

/** A database outage must not send good records to the dead-letter topic; a bad record still goes there. */
class DeadLettersTest {

    @Test
    void theDatabaseBeingDownIsAnInfrastructureFailureWhereverItSitsInTheCauseChain() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException("refused"));
        assertThat(DeadLetters.isInfrastructureFailure(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", refused)))).isTrue();
        assertThat(DeadLetters.isInfrastructureFailure(new CannotGetJdbcConnectionException("no connection", refused))).isTrue();
        assertThat(DeadLetters.isInfrastructureFailure(new RuntimeException("wrapped", refused))).isTrue();
        // the server shutting down (57P01 admin_shutdown) under an open connection
        assertThat(DeadLetters.isInfrastructureFailure(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
    }

    @Test
    void aRecordThatBreaksARuleIsNot() {
        assertThat(DeadLetters.isInfrastructureFailure(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DeadLetters.isInfrastructureFailure(new IllegalStateException("unknown subnet"))).isFalse();
        assertThat(DeadLetters.isInfrastructureFailure(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
    }

    @Test
    void infrastructureFailuresAreRetriedWithoutLimitAndRecordFailuresAreNot() {
        BackOffExecution outage = DeadLetters.infrastructureBackOff().start();
        long waited = 0;
        for (int i = 0; i < 1_000; i++) {
            long next = outage.nextBackOff();
            assertThat(next).isNotEqualTo(BackOffExecution.STOP).isBetween(500L, 5_000L);
            waited += next;
        }
        assertThat(waited).as("an hour of outage is waited out").isGreaterThan(3_600_000L);

        BackOffExecution bad = DeadLetters.recordFailureBackOff().start();
        int attempts = 0;
        while (bad.nextBackOff() != BackOffExecution.STOP) {
            attempts++;
        }
        assertThat(attempts).as("a bad record is retried a few times, then dead-lettered").isBetween(2, 10);
    }
}
