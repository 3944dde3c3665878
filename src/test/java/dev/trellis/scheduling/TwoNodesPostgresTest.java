package dev.trellis.scheduling;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The two-node test on PostgreSQL at 127.0.0.1:5432 (database {@code test}), as in production, in tables of its
 * own ({@code QRTZ_<random>_}) that it drops afterwards. Skipped when no such server is reachable.
 */
class TwoNodesPostgresTest extends TwoNodesTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final List<String> TABLES = List.of("FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "SCHEDULER_STATE", "LOCKS",
            "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS",
            "CALENDARS");

    @BeforeAll
    static void postgresIsReachable() {
        try (var connection = DriverManager.getConnection(URL, "postgres", "")) {
            Assumptions.assumeTrue(connection.isValid(2), "PostgreSQL answers");
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at 127.0.0.1:5432/test: " + e.getMessage());
        }
    }

    @Override
    DataSource dataSource() {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), URL, "postgres", "");
    }

    @Override
    String schemaScript() {
        return "quartz/tables_postgres.sql";
    }

    @Override
    List<String> storeProperties() {
        return List.of("spring.quartz.properties.org.quartz.jobStore.driverDelegateClass="
                + "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    }

    @Override
    void dropTables() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TABLES.forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + prefix + table + " CASCADE"));
    }
}
