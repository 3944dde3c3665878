package dev.trellis.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.inbox.Inbox;

/**
 * {@code /coach peer @alex}: asks Alex first. The invitation is stored before the command is acknowledged; Alex gets
 * a DM with Accept / Decline. Only Alex can answer, only once. On accept both people's {@code peer-coaching} flow is
 * started through the inbox (as if each had typed {@code /coach peer-coaching}); on decline nothing starts and the
 * inviter is told.
 */
final class PeerInvitations {

    static final String COLLECTION = "slackPeerInvitations";
    static final String PEER_FLOW = "peer-coaching";
    private static final Pattern PEER = Pattern.compile("^\\s*peer(\\s+.*)?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

    enum Status { PENDING, ACCEPTED, DECLINED }

    @Document(COLLECTION)
    record Invitation(@Id String id, String teamId, String inviter, String partner, Status status, Instant createdAt,
                      Instant answeredAt, Instant sentAt) {
    }

    /** An invitation not sent this long after it was stored was lost (a restart): it is sent again. */
    private static final Duration UNSENT_AFTER = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Inbox inbox;
    private final SlackInbound translate;
    private final Notices notices;
    private final Clock clock;
    // what the invitation says to each of the two, in their own language, by their Slack identity
    private final Function<PlatformIdentity, PeerTexts> texts;

    PeerInvitations(MongoTemplate mongo, Inbox inbox, SlackInbound translate, Notices notices, Clock clock,
                    Function<PlatformIdentity, PeerTexts> texts) {
        this.texts = texts;
        this.mongo = mongo;
        this.inbox = inbox;
        this.translate = translate;
        this.notices = notices;
        this.clock = clock;
    }

    static boolean isPeerCommand(String text) {
        return text != null && PEER.matcher(text).matches();
    }

    /** Stores the invitation and sends it; returns the ephemeral reply for the inviter. */
    String invite(SlashCommandPayload command) {
        PeerTexts inviter = texts.apply(new PlatformIdentity(SlackChannel.NAME, command.getTeamId(),
                command.getUserId()));
        Matcher partner = USER.matcher(command.getText());
        if (!partner.find()) {
            return inviter.say("whom", command.getUserId(), null);
        }
        String partnerId = partner.group(1);
        if (partnerId.equals(command.getUserId())) {
            return inviter.say("takesTwo", command.getUserId(), null);
        }
        String id = command.getTeamId() + ":" + command.getTriggerId();
        try {
            send(mongo.insert(new Invitation(id, command.getTeamId(), command.getUserId(), partnerId, Status.PENDING,
                    clock.instant(), null, null)));
        } catch (DuplicateKeyException retried) {
            // Slack re-sent the same command; the first one already invited
        }
        return inviter.say("asked", command.getUserId(), partnerId);
    }

    private void send(Invitation invitation) {
        PeerTexts partner = textsOf(invitation.teamId(), invitation.partner());
        notices.post(invitation.teamId(), invitation.partner(), "peer-invite/" + invitation.id(),
                partner.say("invites", invitation.inviter(), invitation.partner()),
                invitationBlocks(invitation.id(), invitation.inviter(), partner),
                () -> mongo.updateFirst(query(where("_id").is(invitation.id())),
                        new Update().set("sentAt", clock.instant()), Invitation.class));
    }

    /** Sends again what a restart kept from being sent: the invitation is stored before Slack is answered. */
    @Scheduled(initialDelayString = "${slack.peer-resend-interval:60s}",
            fixedDelayString = "${slack.peer-resend-interval:60s}")
    void resendUnsent() {
        Instant before = clock.instant().minus(UNSENT_AFTER);
        mongo.find(query(where("status").is(Status.PENDING).and("sentAt").is(null).and("createdAt").lt(before)),
                Invitation.class).forEach(this::send);
    }

    /** Withdraws every invitation the user sent or was sent in the workspace (erasure); returns how many. */
    long forget(String teamId, String userId) {
        return mongo.remove(query(where("teamId").is(teamId).orOperator(where("inviter").is(userId),
                where("partner").is(userId))), Invitation.class).getDeletedCount();
    }

    boolean isAnswer(BlockActionPayload payload) {
        return payload.getActions() != null && !payload.getActions().isEmpty()
                && ActionIds.parse(payload.getActions().get(0).getActionId())
                .map(p -> p.kind().equals(ActionIds.PEER_ACCEPT) || p.kind().equals(ActionIds.PEER_DECLINE))
                .orElse(false);
    }

    /**
     * Records the partner's answer. The flows are handed to the inbox before the invitation is marked answered, with
     * event ids derived from the invitation, so a crash in between or a second click starts nothing twice.
     */
    Response answer(BlockActionPayload payload, ActionContext ctx) {
        ActionIds.Parsed parsed = ActionIds.parse(payload.getActions().get(0).getActionId()).orElseThrow();
        boolean accepted = parsed.kind().equals(ActionIds.PEER_ACCEPT);
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        Optional<Invitation> pending = Optional.ofNullable(mongo.findOne(query(where("_id").is(parsed.argument())
                .and("partner").is(userId).and("status").is(Status.PENDING)), Invitation.class));
        if (pending.isEmpty()) {
            return ctx.ack();
        }
        Invitation invitation = pending.get();
        if (accepted) {
            inbox.accept(translate.command(invitation.teamId(), invitation.id() + ":partner", invitation.partner(),
                    PEER_FLOW));
            inbox.accept(translate.command(invitation.teamId(), invitation.id() + ":inviter", invitation.inviter(),
                    PEER_FLOW));
        }
        Invitation answered = mongo.findAndModify(query(where("_id").is(invitation.id()).and("status").is(Status.PENDING)),
                new Update().set("status", accepted ? Status.ACCEPTED : Status.DECLINED).set("answeredAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), Invitation.class);
        if (answered != null) {
            tellBoth(payload, invitation, accepted);
        }
        return ctx.ack();
    }

    private void tellBoth(BlockActionPayload payload, Invitation invitation, boolean accepted) {
        if (payload.getContainer() != null && payload.getContainer().getMessageTs() != null) {
            String text = textsOf(invitation.teamId(), invitation.partner())
                    .say(accepted ? "youAccepted" : "youDeclined", invitation.inviter(), invitation.partner());
            notices.update(invitation.teamId(), payload.getContainer().getChannelId(),
                    payload.getContainer().getMessageTs(), "peer-answered/" + invitation.id(), text,
                    List.of(section(s -> s.text(markdownText(text)))));
        }
        String note = textsOf(invitation.teamId(), invitation.inviter())
                .say(accepted ? "theyAccepted" : "theyDeclined", invitation.inviter(), invitation.partner());
        notices.post(invitation.teamId(), invitation.inviter(), "peer-told/" + invitation.id(), note,
                List.of(section(s -> s.text(markdownText(note)))));
    }

    private PeerTexts textsOf(String teamId, String userId) {
        return texts.apply(new PlatformIdentity(SlackChannel.NAME, teamId, userId));
    }

    static List<LayoutBlock> invitationBlocks(String id, String inviter, PeerTexts partner) {
        ControlWords words = partner.controls();
        return List.of(
                section(s -> s.text(markdownText(partner.say("invitation", inviter, null)))),
                actions(a -> a.blockId("peer:" + id).elements(List.of(
                        button(b -> b.actionId(ActionIds.peer(true, id)).text(plainText(words.accept())).style("primary")
                                .value("accept")),
                        button(b -> b.actionId(ActionIds.peer(false, id)).text(plainText(words.decline())).value("decline"))))));
    }
}
