package dev.trellis.channel.teams;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.StringUtils;

import dev.trellis.coaching.ChartImages;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformMessages;
import dev.trellis.inbox.Inbox;
import dev.trellis.privacy.PersonalExport;

/**
 * Wires the Teams channel when {@code MICROSOFT_APP_ID} is set; without it none of these beans (nor
 * {@code POST /api/messages}) exist. The bot is single tenant, so {@code MICROSOFT_APP_TENANT_ID} is required too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TeamsEnabled.class)
class TeamsConfiguration {

    @Bean
    BotAuthentication teamsAuthentication(TeamsProperties properties) {
        if (!StringUtils.hasText(properties.tenantId())) {
            throw new IllegalStateException("Teams is single tenant: set MICROSOFT_APP_TENANT_ID with MICROSOFT_APP_ID");
        }
        return new BotAuthentication(properties.appId(), properties.tenantId(),
                properties.openIdMetadataUrl().toString());
    }

    @Bean
    BotConnector teamsConnector(TeamsProperties properties, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        return new BotConnector(http, new ConnectorToken(http, properties.tokenEndpoint(), properties.appId(),
                properties.appPassword(), clock), properties.connectTimeout().multipliedBy(3));
    }

    @Bean
    TeamsPace teamsPace(MongoTemplate mongo, TeamsProperties properties) {
        return new TeamsPace(mongo, properties.perConversationPerSecond(), properties.perConversationPer30Seconds(),
                properties.perTenantPerSecond(), properties.bulkPerTenantPerSecond());
    }

    @Bean
    TeamsSender teamsSender(TeamsPace teamsPace, TeamsProperties properties, Clock clock) {
        return new TeamsSender(teamsPace, new BulkSlots(properties.bulkPerTenantPerSecond()), clock);
    }

    @Bean
    ConversationReferences teamsConversationReferences(MongoTemplate mongo) {
        return new ConversationReferences(mongo);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService teamsBackground() {
        return Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "teams-background");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    TeamsNotices teamsNotices(TeamsSender teamsSender, BotConnector teamsConnector,
                              ScheduledExecutorService teamsBackground) {
        return new TeamsNotices(teamsSender, teamsConnector, teamsBackground);
    }

    @Bean
    TeamsFileConsent teamsFileConsent(PersonDirectory people, ObjectProvider<PersonalExport> exports,
                                      TeamsNotices teamsNotices, BotConnector teamsConnector,
                                      TeamsProperties properties, ScheduledExecutorService teamsBackground) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        return new TeamsFileConsent(people, exports.getObject(), teamsNotices, teamsConnector, http,
                properties.connectTimeout().multipliedBy(10), teamsBackground);
    }

    @Bean
    TeamsActivities teamsActivities(Inbox inbox, ConversationReferences references, TeamsNotices teamsNotices,
                                    TeamsFileConsent teamsFileConsent, Clock clock) {
        return new TeamsActivities(inbox, new TeamsInbound(clock), references, teamsNotices, teamsFileConsent, clock);
    }

    @Bean
    TeamsChannel teamsChannel(TeamsSender teamsSender, BotConnector teamsConnector, PlatformMessages landed,
                              ConversationReferences references, ChartImages charts,
                              ObjectProvider<PersonalExport> exports, Clock clock,
                              ObjectProvider<dev.trellis.engine.PersonContext> people,
                              ObjectProvider<dev.trellis.flow.MessageBundle> messages) {
        return new TeamsChannel(teamsSender, teamsConnector, new AdaptiveCards(), landed, references,
                new ChartPictures(charts), exports::getObject, clock,
                CardWords.ofPeople(people.getIfAvailable(), messages.getIfAvailable()));
    }

    @Bean
    TeamsErasure teamsErasure(dev.trellis.identity.PersonIdentities identities, MongoTemplate mongo) {
        return new TeamsErasure(identities, mongo);
    }

    @Bean
    PaceCleanup teamsPaceCleanup(TeamsPace teamsPace, Clock clock) {
        return new PaceCleanup(teamsPace, clock);
    }

    /** Old rate windows are dropped once a minute (no TTL index on the embedded server). */
    static final class PaceCleanup {

        private final TeamsPace pace;
        private final Clock clock;

        PaceCleanup(TeamsPace pace, Clock clock) {
            this.pace = pace;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "1m", initialDelayString = "1m")
        void forgetOld() {
            pace.forgetOld(clock.instant());
        }
    }
}
