package dev.trellis.channel.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web chat ({@code trellis.web.*}).
 *
 * @param enabled              whether the page and its API answer at all (on by default, so that
 *                             {@code ./mvnw spring-boot:run} gives a working chat; turn it off where only Slack or
 *                             Teams should reach Trellis)
 * @param messagesPerSession   messages one browser session may post per {@code rateWindow}
 * @param messagesPerAddress   messages all sessions behind one IP address may post per {@code rateWindow}
 * @param sessionsPerAddress   new browser sessions one IP address may open per {@code rateWindow} (each is a stored row)
 * @param rateWindow           the window both limits refill over
 * @param maxStreams           open event streams this node holds at once; more get 503 and the page polls
 */
@ConfigurationProperties("trellis.web")
record WebProperties(@DefaultValue("true") boolean enabled,
                     @DefaultValue("30") int messagesPerSession,
                     @DefaultValue("300") int messagesPerAddress,
                     @DefaultValue("30") int sessionsPerAddress,
                     @DefaultValue("1m") Duration rateWindow,
                     @DefaultValue("500") int maxStreams) {

    WebProperties {
        if (messagesPerSession < 1 || messagesPerAddress < 1 || sessionsPerAddress < 1 || maxStreams < 1) {
            throw new IllegalArgumentException("trellis.web limits must be at least 1");
        }
    }

    /** The defaults, for tests that build the web chat's parts by hand. */
    static WebProperties defaults() {
        return new WebProperties(true, 30, 300, 30, Duration.ofMinutes(1), 500);
    }
}
