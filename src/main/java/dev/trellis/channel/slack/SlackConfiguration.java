package dev.trellis.channel.slack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import okhttp3.OkHttpClient;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;

import dev.trellis.coaching.ChartImages;
import dev.trellis.engine.PersonContext;
import dev.trellis.engine.PlatformMessages;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.scheduling.PersonalTimes;
import dev.trellis.scheduling.Reminders;
import dev.trellis.flow.MessageBundle;
import dev.trellis.identity.EmailLinks;
import dev.trellis.inbox.Inbox;

/**
 * Wires the Slack channel when {@code SLACK_BOT_TOKEN} is set; without it none of these beans exist and Trellis runs
 * without Slack. The HTTP endpoint needs {@code SLACK_SIGNING_SECRET}, Socket Mode {@code SLACK_APP_TOKEN}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "slack", name = "bot-token")
class SlackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

    @Bean(destroyMethod = "close")
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        String apiUrl = properties.apiUrl().toString();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setStatsEnabled(false);
        // a post whose connection broke may have landed: never let the HTTP client repeat it on its own; the outbox
        // retries, and looks for the earlier copy first (message metadata)
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder().retryOnConnectionFailure(false)
                .build();
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    @Bean
    MethodsClient slackMethods(Slack slack, SlackProperties properties) {
        return slack.methods(properties.botToken());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService slackBackground() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "slack-background");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SlackSender slackSender(MethodsClient slackMethods, SlackProperties properties, Clock clock) {
        return new SlackSender(slackMethods, clock, properties.messagesPerSecond(), properties.burst(),
                properties.workspacePerSecond(), properties.workspaceBurst(), properties.bulkShare());
    }

    @Bean(initMethod = "reactivateAll")
    Workspaces slackWorkspaces(MongoTemplate mongo) {
        return new Workspaces(mongo);
    }

    @Bean
    Installation slackInstallation(SlackProperties properties, MethodsClient slackMethods,
                                   ScheduledExecutorService slackBackground) {
        Installation installation = new Installation(properties.teamId(), properties.appId());
        installation.learn(slackMethods, slackBackground);
        return installation;
    }

    @Bean
    SlackChannel slackChannel(SlackSender slackSender, PlatformMessages sent, Workspaces workspaces, ChartImages charts,
                              org.springframework.beans.factory.ObjectProvider<dev.trellis.privacy.PersonalExport> exports, Clock clock,
                              ObjectProvider<PersonContext> people, MessageBundle messages) {
        return new SlackChannel(slackSender, new BlockKitRenderer(), sent, workspaces, new ChartUploads(charts),
                exports, clock, ControlWords.ofPeople(people.getIfAvailable(() -> PersonContext.NONE), messages));
    }

    @Bean
    SlackPeople slackPeople(MethodsClient slackMethods, EmailLinks emails, SlackProperties properties, Clock clock) {
        return new SlackPeople(slackMethods, emails, clock, properties.peopleCacheTtl());
    }

    @Bean
    Notices slackNotices(SlackSender slackSender, ScheduledExecutorService slackBackground) {
        return new Notices(slackSender, slackBackground);
    }

    @Bean
    SlackInbound slackInbound(SlackPeople slackPeople, Notices slackNotices, Clock clock) {
        return new SlackInbound(clock, slackPeople, slackNotices);
    }

    @Bean
    AppHome slackAppHome(MethodsClient slackMethods, FlowCatalog flows,
                         ObjectProvider<PersonContext> people, PersonDirectory directory, Notices slackNotices,
                         Reminders reminders, PersonalTimes times, MessageBundle messages) {
        return new AppHome(slackMethods, flows::listed,
                people.getIfAvailable(() -> PersonContext.NONE), directory, slackNotices,
                (personId, locale) -> comingUp(reminders, times, flows, messages, personId, locale), messages);
    }

    /**
     * "Goal check-in · Mon 7 Dec, 09:00 (Europe/Berlin)" per reminder, in the zone the person chose (else UTC), with
     * the flow's title and the date in the person's locale.
     */
    private static List<String> comingUp(Reminders reminders, PersonalTimes times, FlowCatalog flows,
                                         MessageBundle messages, String personId, String locale) {
        java.time.ZoneId zone = times.of(personId, null).zone();
        var when = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, HH:mm",
                java.util.Locale.forLanguageTag(locale));
        String paused = messages.variants(locale, "trellis.home.paused").stream().findFirst().orElse(" · paused");
        return reminders.list(personId).stream().filter(r -> r.next() != null)
                .map(r -> messages.variants(locale, "flows." + r.flowId() + ".title").stream().findFirst()
                        .or(() -> flows.current(r.flowId()).map(Flow::title)).orElse(r.flowId()) + " · "
                        + when.format(r.next().atZone(zone)) + " (" + zone.getId() + ")"
                        + (r.paused() ? paused : ""))
                .toList();
    }

    @Bean
    PeerInvitations slackPeerInvitations(MongoTemplate mongo, Inbox inbox, SlackInbound slackInbound,
                                         Notices slackNotices, Clock clock, PersonDirectory directory,
                                         ObjectProvider<PersonContext> people, MessageBundle messages) {
        var locales = ControlWords.localesOf(people.getIfAvailable(() -> PersonContext.NONE));
        return new PeerInvitations(mongo, inbox, slackInbound, slackNotices, clock,
                identity -> new PeerTexts(messages, directory.find(identity).map(locales).orElse(null)));
    }

    @Bean
    SlackErasure slackErasure(dev.trellis.identity.PersonIdentities identities, PeerInvitations slackPeerInvitations,
                              SlackPeople slackPeople) {
        return new SlackErasure(identities, slackPeerInvitations, slackPeople);
    }

    @Bean
    SlackEvents slackEvents(Inbox inbox, SlackInbound slackInbound, PeerInvitations slackPeerInvitations,
                            AppHome slackAppHome, Workspaces workspaces, MessageBundle messages, Clock clock) {
        return new SlackEvents(inbox, slackInbound, slackPeerInvitations, slackAppHome, workspaces, messages,
                clock);
    }

    @Bean
    App slackApp(SlackProperties properties, Slack slack, SlackEvents slackEvents, Installation installation,
                 Notices slackNotices) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(properties.botToken())
                .signingSecret(properties.signingSecret())
                // signatures are checked once, on the raw bytes, by SlackEventsServlet (with the future check)
                .requestVerificationEnabled(false)
                .ignoringSelfEventsEnabled(false)
                .allEventsApiAutoAckEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true)
                .unmatchedRequestHandler(request -> {
                    log.info("Unhandled Slack {} acknowledged and ignored", request.getRequestType());
                    return Response.ok();
                })
                .build();
        // Bolt's default chain would call auth.test on the first request and answer 500 while Slack is unreachable;
        // the listeners only store events, so they need no token check.
        List<Middleware> middleware = new ArrayList<>(List.of(new SSLCheck(null),
                new WorkspaceGuard(installation, slackNotices)));
        App app = new App(config, slack, middleware);
        slackEvents.register(app);
        return app;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "slack", name = "signing-secret")
    static class Http {

        @Bean
        ServletRegistrationBean<SlackEventsServlet> slackEventsServlet(App slackApp, SlackProperties properties,
                                                                      Clock clock) {
            SlackEventsServlet servlet = new SlackEventsServlet(slackApp,
                    new SlackSignature(properties.signingSecret(), properties.clockSkew()),
                    clock, properties.maxBodyBytes());
            return new ServletRegistrationBean<>(servlet, "/slack/events");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "slack", name = "app-token")
    static class SocketMode {

        @Bean
        SlackSocketMode slackSocketMode(SlackProperties properties, App slackApp,
                                        ScheduledExecutorService slackBackground) {
            return new SlackSocketMode(properties.appToken(), slackApp, slackBackground);
        }
    }
}
