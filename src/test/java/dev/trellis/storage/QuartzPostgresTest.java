package dev.trellis.storage;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The same job store checks on PostgreSQL at 127.0.0.1:5432 (database {@code test}, trust authentication), as in
 * production. Skipped when no such server is reachable.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.quartz.scheduler-name=trellis-postgres-test"})
@Import(QuartzJobStoreTest.Jobs.class)
class QuartzPostgresTest extends QuartzJobStoreTest {

    @BeforeAll
    static void postgresIsReachable() {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            Assumptions.assumeTrue(connection.isValid(2), "PostgreSQL answers");
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at 127.0.0.1:5432/test: " + e.getMessage());
        }
    }

    @Override
    String schemaScript() {
        return "quartz/tables_postgres.sql";
    }
}
