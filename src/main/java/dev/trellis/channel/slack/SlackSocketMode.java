package dev.trellis.channel.slack;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Socket Mode: the same Bolt app, fed over a WebSocket that Trellis opens to Slack (no public URL needed). The
 * connection URL comes from {@code apps.connections.open}; Bolt's client pings, and reconnects when the socket
 * drops or Slack asks it to. If Slack cannot be reached at start-up, connecting is retried with backoff instead of
 * failing the application.
 */
final class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    private final String appToken;
    private final App app;
    private final ScheduledExecutorService scheduler;
    private volatile SocketModeApp socketMode;
    private volatile boolean running;

    SlackSocketMode(String appToken, App app, ScheduledExecutorService scheduler) {
        this.appToken = appToken;
        this.app = app;
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        running = true;
        scheduler.execute(() -> connect(Duration.ofSeconds(1)));
    }

    private void connect(Duration backoff) {
        if (!running) {
            return;
        }
        try {
            SocketModeApp connecting = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
            connecting.startAsync();
            connecting.getClient().setAutoReconnectOnCloseEnabled(true);
            socketMode = connecting;
            log.info("Slack Socket Mode connected");
        } catch (Exception e) {
            Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            log.warn("Slack Socket Mode could not connect ({}); retrying in {}", e.toString(), backoff);
            scheduler.schedule(() -> connect(next), backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        running = false;
        SocketModeApp current = socketMode;
        socketMode = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.info("Slack Socket Mode close: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    boolean connected() {
        SocketModeApp current = socketMode;
        return current != null && current.getClient() != null && current.getClient().verifyConnection();
    }
}
