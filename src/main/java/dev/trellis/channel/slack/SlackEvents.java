package dev.trellis.channel.slack;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;

import dev.trellis.engine.Inbound;
import dev.trellis.flow.MessageBundle;
import dev.trellis.inbox.Inbox;

/**
 * The Bolt listeners. Each one turns the payload into an {@link Inbound}, hands it to the inbox (which stores it
 * before returning) and acknowledges; nothing slower happens on Slack's 3-second clock. Event types without a
 * listener, subtyped messages and edits are acknowledged by Bolt's auto-ack settings (see {@link SlackConfiguration}).
 */
final class SlackEvents {

    static final String COMMAND = "/coach";
    /** The answer, only its author sees, to {@code /coach} typed in a channel: the conversation runs in the DM. */
    static final String CONTINUES_IN_DM_KEY = "trellis.elsewhere.command";
    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);
    private static final Pattern ANY = Pattern.compile(".*");

    private final Inbox inbox;
    private final SlackInbound translate;
    private final PeerInvitations peers;
    private final AppHome home;
    private final Workspaces workspaces;
    private final String continuesInDm;
    private final Clock clock;

    SlackEvents(Inbox inbox, SlackInbound translate, PeerInvitations peers, AppHome home, Workspaces workspaces,
                MessageBundle messages, Clock clock) {
        this.inbox = inbox;
        this.translate = translate;
        this.peers = peers;
        this.home = home;
        this.workspaces = workspaces;
        // the person's locale is not known on the acknowledgement path
        this.continuesInDm = messages.variants("en", CONTINUES_IN_DM_KEY).stream().findFirst()
                .orElse(CONTINUES_IN_DM_KEY);
        this.clock = clock;
    }

    void register(App app) {
        app.event(MessageEvent.class, (payload, ctx) -> store(translate.directMessage(payload), ctx));
        app.event(AppMentionEvent.class, (payload, ctx) -> store(translate.mention(payload), ctx));
        app.command(COMMAND, (request, ctx) -> {
            SlashCommandPayload command = request.getPayload();
            if (PeerInvitations.isPeerCommand(command.getText())) {
                return ctx.ack(peers.invite(command));
            }
            store(translate.command(command), ctx);
            return SlackInbound.isDirectMessage(command.getChannelId()) ? ctx.ack() : ctx.ack(continuesInDm);
        });
        app.blockAction(ANY, (request, ctx) -> peers.isAnswer(request.getPayload())
                ? peers.answer(request.getPayload(), ctx)
                : store(translate.click(request.getPayload()), ctx));
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            home.publishLater(payload.getTeamId(), payload.getEvent());
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (payload, ctx) -> stopSending(payload.getTeamId(), "app_uninstalled", ctx));
        app.event(TokensRevokedEvent.class, (payload, ctx) -> stopSending(payload.getTeamId(), "tokens_revoked", ctx));
    }

    private Response store(Optional<Inbound> inbound, Context ctx) {
        inbound.ifPresent(event -> {
            if (inbox.accept(event) == Inbox.Receipt.DUPLICATE) {
                log.debug("Slack event {} already stored; acknowledged again", event.eventId());
            }
        });
        return ctx.ack();
    }

    private Response stopSending(String teamId, String reason, Context ctx) {
        workspaces.deactivate(teamId, reason, clock.instant());
        log.info("Slack workspace {} marked inactive: {}", teamId, reason);
        return ctx.ack();
    }
}
