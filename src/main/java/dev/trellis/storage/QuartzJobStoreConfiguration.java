package dev.trellis.storage;

import java.sql.DatabaseMetaData;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Quartz's JDBC job store speaks each database through a delegate; the standard one cannot read PostgreSQL's
 * {@code bytea} job data. This picks PostgreSQL's when the job store is on PostgreSQL, unless
 * {@code spring.quartz.properties.org.quartz.jobStore.driverDelegateClass} says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class QuartzJobStoreConfiguration {

    static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForDatabase(DataSource dataSource, QuartzProperties quartz) {
        return scheduler -> {
            if (quartz.getProperties().containsKey(DELEGATE) || !isPostgres(dataSource)) {
                return;
            }
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.setProperty(DELEGATE, PostgreSQLDelegate.class.getName());
            scheduler.setQuartzProperties(properties);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equalsIgnoreCase(product);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the Quartz job store", e);
        }
    }
}
