package dev.trellis.channel.teams;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.schema.Activity;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.Redacted;

/**
 * Short texts Teams gets outside any coaching conversation (hello when added to a team or group chat), sent in the background through the same paced {@link TeamsSender} so the activity is
 * acknowledged at once; waits for pacing and retries on a scheduler, never on a thread.
 */
final class TeamsNotices {

    private static final Logger log = LoggerFactory.getLogger(TeamsNotices.class);
    private static final int MAX_TRIES = 8;

    private final TeamsSender sender;
    private final BotConnector connector;
    private final ScheduledExecutorService scheduler;

    TeamsNotices(TeamsSender sender, BotConnector connector, ScheduledExecutorService scheduler) {
        this.sender = sender;
        this.connector = connector;
        this.scheduler = scheduler;
    }

    /** Posts into the conversation of {@code activity}. */
    void post(Activity activity, String text) {
        String conversation = activity.getConversation().getId();
        String json = AdaptiveCards.text(text).toString();
        send(conversation, TeamsActivities.tenantOf(activity), "post:" + activity.getId(),
                () -> connector.post(activity.getServiceUrl(), conversation, json));
    }

    private void send(String conversation, String tenant, String key, Supplier<BotConnector.Answer> call) {
        scheduler.execute(() -> attempt(1, () -> sender.send(conversation, tenant, key, call), key));
    }

    private void attempt(int tries, Supplier<Delivery> send, String key) {
        Delivery delivery;
        try {
            delivery = send.get();
        } catch (RuntimeException e) {
            log.warn("Teams notice {} failed", key, Redacted.of(e));
            return;
        }
        if (delivery instanceof Delivery.Paced paced) {
            scheduler.schedule(() -> attempt(tries, send, key), paced.after().toMillis(), TimeUnit.MILLISECONDS);
        } else if (delivery instanceof Delivery.RetryLater later && tries < MAX_TRIES) {
            scheduler.schedule(() -> attempt(tries + 1, send, key), later.after().toMillis(), TimeUnit.MILLISECONDS);
        } else if (!(delivery instanceof Delivery.Sent)) {
            log.warn("Teams notice {} not delivered: {}", key, delivery);
        }
    }
}
