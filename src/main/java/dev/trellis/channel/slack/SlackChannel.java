package dev.trellis.channel.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.Optional;

import dev.trellis.coaching.ChartImages;
import dev.trellis.privacy.PersonalExport;
import org.springframework.beans.factory.ObjectProvider;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.model.Message;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.PlatformMessages;
import dev.trellis.engine.Recipient;

/**
 * Delivers the engine's messages to Slack: questions and texts with {@code chat.postMessage} (in the mention's thread
 * when the conversation came from a mention), answers with {@code chat.update} on the question they answer. A message
 * id already delivered is not posted again; a workspace that uninstalled the app gets nothing.
 */
final class SlackChannel implements OutboundChannel {

    static final String NAME = "slack";

    private final SlackSender sender;
    private final BlockKitRenderer renderer;
    private final PlatformMessages sent;
    private final Workspaces workspaces;
    private final ChartUploads charts;
    // looked up when used: the export reads conversations, whose outbox delivers through this channel
    private final ObjectProvider<PersonalExport> exports;
    private final Clock clock;
    // the controls' own words ("Done") by person id, in their language
    private final Function<String, ControlWords> words;

    SlackChannel(SlackSender sender, BlockKitRenderer renderer, PlatformMessages sent, Workspaces workspaces,
                 ChartUploads charts, ObjectProvider<PersonalExport> exports, Clock clock,
                 Function<String, ControlWords> words) {
        this.words = words;
        this.exports = exports;
        this.sender = sender;
        this.renderer = renderer;
        this.sent = sent;
        this.workspaces = workspaces;
        this.charts = charts;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return NAME;
    }

    @Override
    public Delivery deliver(Recipient to, Outbound message) {
        return send(to, message, false);
    }

    /** {@code bulk}: started by a timer, so Slack's pace lets replies to people go first. */
    private Delivery send(Recipient to, Outbound message, boolean bulk) {
        String team = to.workspace();
        if (!workspaces.active(team)) {
            return new Delivery.Failed("workspace inactive");
        }
        Optional<PlatformMessages.Landed> earlier = sent.byDelivery(to.conversationId(), deliveryId(message));
        if (earlier.isPresent()) {
            return new Delivery.Sent(earlier.get().ref());
        }
        Delivery delivery = switch (message.kind()) {
            case ANSWERED -> replaceQuestion(to, team, message, bulk);
            case IMAGE -> uploadChart(to, team, message, bulk);
            case FILE -> uploadExport(to, team, message, bulk);
            case NOTICE -> postEphemeral(to, team, message, bulk);
            default -> post(to, team, message, bulk);
        };
        if (delivery instanceof Delivery.Failed failed && SlackSender.WORKSPACE_GONE.contains(failed.reason())) {
            workspaces.deactivate(team, failed.reason(), clock.instant());
        }
        return delivery;
    }

    /**
     * A try after one that got no answer: a post may have landed all the same, so Slack is asked first (by the
     * metadata every post carries) and the message is posted only when it is not there.
     */
    @Override
    public Delivery deliver(Recipient to, Outbound message, Attempt attempt) {
        if (!attempt.afterUncertain() || !isPost(message.kind())) {
            return send(to, message, attempt.bulk());
        }
        String team = to.workspace();
        Optional<String> place = isUserId(to.address()) ? sent.lastPlace(to.conversationId())
                : Optional.ofNullable(to.address());
        if (place.isEmpty() || !workspaces.active(team)) {
            return send(to, message, attempt.bulk());
        }
        SlackSender.Lookup found = sender.findPosted(place.get(), to.meta().get(SlackInbound.THREAD_TS),
                key(to, message), attempt.since());
        if (!found.known()) {
            return new Delivery.RetryLater(Duration.ofSeconds(30), Delivery.UNCERTAIN);
        }
        if (found.ts().isPresent()) {
            remember(to, message, place.get(), found.ts().get());
            return new Delivery.Sent(found.ts().get());
        }
        return send(to, message, attempt.bulk());
    }

    private static boolean isPost(Outbound.Kind kind) {
        return kind != Outbound.Kind.ANSWERED && kind != Outbound.Kind.IMAGE && kind != Outbound.Kind.NOTICE
                && kind != Outbound.Kind.FILE;
    }

    private Delivery post(Recipient to, String team, Outbound message, boolean bulk) {
        ControlWords said = BlockKitRenderer.needsWords(message) ? words.apply(to.personId()) : ControlWords.ENGLISH;
        BlockKitRenderer.Rendered rendered = renderer.render(message, said);
        String threadTs = to.meta().get(SlackInbound.THREAD_TS);
        String key = key(to, message);
        Message.Metadata metadata = new Message.Metadata(SlackSender.METADATA_TYPE,
                Map.of(SlackSender.METADATA_KEY, key));
        return sender.send(team, to.address(), key, bulk,
                client -> client.chatPostMessage(r -> r.channel(to.address()).threadTs(threadTs).metadata(metadata)
                        .text(rendered.fallback()).blocks(rendered.blocks()).unfurlLinks(false).unfurlMedia(false)),
                response -> {
                    remember(to, message, response.getChannel(), response.getTs());
                    return response.getTs();
                });
    }

    private void remember(Recipient to, Outbound message, String place, String ts) {
        sent.remember(new PlatformMessages.Landed(to.conversationId(), to.personId(), deliveryId(message), message.controlId(),
                place, ts, message.controlId() == null ? null : message.text(), clock.instant()));
    }

    /** A note only the clicker sees, where they clicked; it leaves nothing behind in the conversation. */
    private Delivery postEphemeral(Recipient to, String team, Outbound message, boolean bulk) {
        String text = renderer.render(message).fallback();
        String threadTs = to.meta().get(SlackInbound.THREAD_TS);
        return sender.send(team, to.address(), key(to, message), bulk,
                client -> client.chatPostEphemeral(r -> r.channel(to.address()).user(to.userId())
                        .threadTs(threadTs).text(text)),
                response -> response.getMessageTs());
    }

    /**
     * Uploads the chart into the DM, and only there: files are shared into a channel id, so a conversation addressed
     * to a user id (started by a command) uses the DM id its earlier messages landed in. Without a DM, or without the
     * chart (or someone else's), the alt text is posted instead.
     */
    private Delivery uploadChart(Recipient to, String team, Outbound message, boolean bulk) {
        Optional<ChartImages.Image> chart = to.personId() == null ? Optional.empty()
                : charts.find(message.imageId(), to.personId());
        Optional<String> channel = (isUserId(to.address()) ? sent.lastPlace(to.conversationId())
                : Optional.ofNullable(to.address())).filter(SlackInbound::isDirectMessage);
        if (chart.isEmpty() || channel.isEmpty()) {
            return post(to, team, message, bulk);
        }
        String altText = message.text() == null || message.text().isBlank() ? "chart" : message.text();
        String threadTs = to.meta().get(SlackInbound.THREAD_TS);
        return sender.send(team, channel.get(), key(to, message), bulk,
                client -> ChartUploads.upload(client, channel.get(), threadTs, chart.get(), altText),
                response -> {
                    sent.remember(new PlatformMessages.Landed(to.conversationId(), to.personId(), deliveryId(message), null,
                            channel.get(), response.getFile() == null ? null : response.getFile().getId(), null,
                            clock.instant()));
                    return response.getFile() == null ? null : response.getFile().getId();
                });
    }

    /**
     * The person's data export, both files in one upload (files upload API v2) into their DM and nowhere else: a
     * conversation addressed to a user id uses the DM its earlier messages landed in; without a DM, or when the export
     * is not this person's, a short note says so and nothing is uploaded.
     */
    private Delivery uploadExport(Recipient to, String team, Outbound message, boolean bulk) {
        Optional<PersonalExport.Files> files = to.personId() == null ? Optional.empty()
                : exports.getObject().find(message.imageId(), to.personId());
        Optional<String> channel = (isUserId(to.address()) ? sent.lastPlace(to.conversationId())
                : Optional.ofNullable(to.address())).filter(SlackInbound::isDirectMessage);
        if (files.isEmpty() || channel.isEmpty()) {
            return post(to, team, Outbound.text(message.id(), files.isEmpty()
                    ? "Your export has expired. Type /coach export for a new one."
                    : "I can only send your data in our direct message: type /coach export there."), bulk);
        }
        PersonalExport.Files export = files.get();
        String threadTs = to.meta().get(SlackInbound.THREAD_TS);
        String title = message.text() == null || message.text().isBlank() ? "Your Trellis data" : message.text();
        return sender.send(team, channel.get(), key(to, message), bulk,
                client -> ChartUploads.uploadFiles(client, channel.get(), threadTs, title, List.of(
                        FilesUploadV2Request.UploadFile.builder().fileData(export.json())
                                .filename(export.jsonName()).title(export.jsonName()).build(),
                        FilesUploadV2Request.UploadFile.builder().fileData(export.markdown())
                                .filename(export.markdownName()).title(export.markdownName()).build())),
                response -> {
                    sent.remember(new PlatformMessages.Landed(to.conversationId(), to.personId(), deliveryId(message), null,
                            channel.get(), response.getFile() == null ? null : response.getFile().getId(), null,
                            clock.instant()));
                    return response.getFile() == null ? null : response.getFile().getId();
                });
    }

    private static boolean isUserId(String address) {
        return address != null && (address.startsWith("U") || address.startsWith("W"));
    }

    private Delivery replaceQuestion(Recipient to, String team, Outbound message, boolean bulk) {
        Optional<PlatformMessages.Landed> question = sent.byControl(to.conversationId(), message.controlId());
        if (question.isEmpty()) {
            // the question went out before Slack was configured, or on another channel: nothing to replace
            return new Delivery.Sent(null);
        }
        PlatformMessages.Landed q = question.get();
        BlockKitRenderer.Rendered rendered = renderer.answered(q.questionText(), message.text());
        return sender.send(team, q.place(), key(to, message), bulk,
                client -> client.chatUpdate(r -> r.channel(q.place()).ts(q.ref())
                        .text(rendered.fallback()).blocks(rendered.blocks())),
                response -> {
                    sent.remember(new PlatformMessages.Landed(to.conversationId(), to.personId(), deliveryId(message), null,
                            q.place(), q.ref(), null, clock.instant()));
                    return q.ref();
                });
    }

    private static String key(Recipient to, Outbound message) {
        return to.conversationId() + "/" + deliveryId(message);
    }

    /**
     * The message id plus a fingerprint of its content: a redelivery of the same message is recognised, while a
     * different message that happens to reuse an id (a rejected turn does not advance the turn counter) still goes out.
     */
    static String deliveryId(Outbound message) {
        return message.id() + "#" + Integer.toHexString(Objects.hash(message.kind(), message.text(),
                message.controlId(), message.choices(), message.imageId()));
    }
}
