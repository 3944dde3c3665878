package dev.trellis.channel.slack;

import dev.trellis.engine.Redacted;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.model.block.LayoutBlock;

import dev.trellis.engine.Delivery;

/**
 * Messages the Slack channel sends on its own, outside a conversation (peer invitations and their answers), and
 * other Web API work that must not run on Slack's acknowledgement clock. Sent in the background through the same
 * paced {@link SlackSender}, waiting out {@link Delivery.RetryLater} on a scheduler rather than on a thread.
 */
final class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    private static final int MAX_TRIES = 10;

    private final SlackSender sender;
    private final ScheduledExecutorService scheduler;

    Notices(SlackSender sender, ScheduledExecutorService scheduler) {
        this.sender = sender;
        this.scheduler = scheduler;
    }

    void post(String teamId, String channel, String key, String text, List<LayoutBlock> blocks) {
        post(teamId, channel, key, text, blocks, () -> { });
    }

    /** Posts in the background; {@code onSent} runs once Slack has the message. */
    void post(String teamId, String channel, String key, String text, List<LayoutBlock> blocks, Runnable onSent) {
        scheduler.execute(() -> attempt(1, key, () -> {
            Delivery delivery = sender.send(teamId, channel, key,
                    client -> client.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)),
                    response -> response.getTs());
            if (delivery instanceof Delivery.Sent) onSent.run();
            return delivery;
        }));
    }

    /** A note only {@code user} sees, posted in the background (in {@code threadTs} when given). */
    void ephemeral(String teamId, String channel, String user, String threadTs, String key, String text) {
        scheduler.execute(() -> attempt(1, key, () -> sender.send(teamId, channel, key,
                client -> client.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(threadTs).text(text)),
                response -> response.getMessageTs())));
    }

    void update(String teamId, String channel, String ts, String key, String text, List<LayoutBlock> blocks) {
        scheduler.execute(() -> attempt(1, key, () -> sender.send(teamId, channel, key,
                client -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)),
                response -> response.getTs())));
    }

    /** Runs Web API work that is not a paced message (views.publish) off the request thread. */
    void run(Runnable work) {
        scheduler.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Slack background work failed", Redacted.of(e));
            }
        });
    }

    private void attempt(int tries, String key, Supplier<Delivery> send) {
        Delivery delivery;
        try {
            delivery = send.get();
        } catch (RuntimeException e) {
            log.warn("Slack notice {} failed", key, Redacted.of(e));
            return;
        }
        if (delivery instanceof Delivery.Paced paced) {
            scheduler.schedule(() -> attempt(tries, key, send), paced.after().toMillis(), TimeUnit.MILLISECONDS);
        } else if (delivery instanceof Delivery.RetryLater later) {
            if (tries >= MAX_TRIES) {
                log.warn("Slack notice {} given up after {} tries ({})", key, tries, later.reason());
            } else {
                scheduler.schedule(() -> attempt(tries + 1, key, send), later.after().toMillis(), TimeUnit.MILLISECONDS);
            }
        } else if (delivery instanceof Delivery.Failed failed) {
            log.warn("Slack notice {} failed: {}", key, failed.reason());
        }
    }
}
