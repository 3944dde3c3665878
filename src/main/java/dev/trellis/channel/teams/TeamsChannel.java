package dev.trellis.channel.teams;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.PlatformMessages;
import dev.trellis.engine.Recipient;
import dev.trellis.privacy.PersonalExport;

/**
 * Delivers the engine's messages into Teams conversations through the Bot Connector, proactively: the service URL
 * comes from the stored conversation reference (or, before one is stored, the last activity). Questions become
 * Adaptive Cards; an answer replaces its question's card ({@code updateActivity}) so it cannot be submitted twice. A
 * message already delivered (or the parts of a long one already delivered) is not sent again; a conversation the bot
 * was removed from gets nothing.
 */
final class TeamsChannel implements OutboundChannel {

    static final String NAME = "teams";

    private final TeamsSender sender;
    private final BotConnector connector;
    private final AdaptiveCards cards;
    private final PlatformMessages landed;
    private final ConversationReferences references;
    private final ChartPictures charts;
    private final Supplier<PersonalExport> exports;
    private final Clock clock;
    // the cards' own words ("Send", "Done") by person id, in their language
    private final Function<String, CardWords> words;

    TeamsChannel(TeamsSender sender, BotConnector connector, AdaptiveCards cards, PlatformMessages landed,
                 ConversationReferences references, ChartPictures charts, Supplier<PersonalExport> exports,
                 Clock clock) {
        this(sender, connector, cards, landed, references, charts, exports, clock, personId -> CardWords.ENGLISH);
    }

    TeamsChannel(TeamsSender sender, BotConnector connector, AdaptiveCards cards, PlatformMessages landed,
                 ConversationReferences references, ChartPictures charts, Supplier<PersonalExport> exports,
                 Clock clock, Function<String, CardWords> words) {
        this.words = words;
        this.sender = sender;
        this.connector = connector;
        this.cards = cards;
        this.landed = landed;
        this.references = references;
        this.charts = charts;
        this.exports = exports;
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

    @Override
    public Delivery deliver(Recipient to, Outbound message, Attempt attempt) {
        return send(to, message, attempt.bulk());
    }

    /** {@code bulk}: started by a timer, so Teams' limits let replies to people go first. */
    private Delivery send(Recipient to, Outbound message, boolean bulk) {
        String conversation = to.address();
        Optional<ConversationReferences.Reference> reference = references.find(conversation);
        if (reference.isPresent() && !reference.get().active()) {
            return new Delivery.Failed(TeamsSender.BOT_REMOVED);
        }
        String serviceUrl = reference.map(ConversationReferences.Reference::serviceUrl)
                .orElse(to.meta().get(TeamsInbound.SERVICE_URL));
        if (serviceUrl == null) {
            return new Delivery.Failed("no conversation reference");
        }
        String tenant = reference.map(ConversationReferences.Reference::tenantId).orElse(to.workspace());
        Target target = new Target(to.conversationId(), to.personId(), conversation, serviceUrl, tenant,
                deliveryId(message), bulk);
        Optional<PlatformMessages.Landed> earlier = landed.byDelivery(to.conversationId(), target.deliveryId());
        if (earlier.isPresent()) {
            return new Delivery.Sent(earlier.get().ref());
        }
        Delivery delivery = message.kind() == Outbound.Kind.ANSWERED ? replaceQuestion(target, message)
                : message.kind() == Outbound.Kind.FILE ? offerExport(target, message, reference)
                : post(target, message, to.personId());
        if (delivery instanceof Delivery.Failed failed && TeamsSender.BOT_REMOVED.equals(failed.reason())) {
            references.deactivate(conversation, failed.reason(), clock.instant());
        }
        return delivery;
    }

    private record Target(String conversationId, String personId, String teamsConversation, String serviceUrl,
                          String tenant, String deliveryId, boolean bulk) {

        String key(int part) {
            return conversationId + "/" + deliveryId + "/" + part;
        }
    }

    private Delivery post(Target target, Outbound message, String personId) {
        String image = message.kind() == Outbound.Kind.IMAGE ? charts.dataUri(message.imageId(), personId) : null;
        CardWords said = AdaptiveCards.needsWords(message) ? words.apply(personId) : CardWords.ENGLISH;
        return post(target, message, cards.render(message, image, said));
    }

    /**
     * The export, offered on Teams' file-consent cards in the person's personal chat only ({@link TeamsFileConsent}
     * uploads each file the person allows); elsewhere, or once it has expired, a sentence says what to do.
     */
    private Delivery offerExport(Target target, Outbound message, Optional<ConversationReferences.Reference> reference) {
        Optional<PersonalExport.Files> files = target.personId() == null ? Optional.empty()
                : exports.get().find(message.imageId(), target.personId());
        String text;
        List<ObjectNode> activities = new java.util.ArrayList<>();
        if (reference.isEmpty() || !reference.get().personal()) {
            text = "I can only send your data in our personal chat: type /coach export there.";
        } else if (files.isEmpty()) {
            text = "Your export has expired. Type /coach export for a new one.";
        } else {
            text = (message.text() == null || message.text().isBlank() ? "Your Trellis data" : message.text())
                    + "\n\nTeams asks before a bot sends you a file: choose *Allow* on each card below and the file goes "
                    + "to your OneDrive, where only you can open it.";
            activities.addAll(TeamsFileConsent.offers(files.get()));
        }
        activities.add(0, AdaptiveCards.text(text));
        // the last activity is the one remembered as this message: with offers, the summary's card
        return post(target, message, new AdaptiveCards.Rendered(activities, null));
    }

    private Delivery post(Target target, Outbound message, AdaptiveCards.Rendered rendered) {
        List<ObjectNode> activities = rendered.activities();
        for (int part = 0; part < activities.size() - 1; part++) {
            String partId = target.deliveryId() + "/" + part;
            if (landed.byDelivery(target.conversationId(), partId).isPresent()) {
                continue; // sent before a retry of the rest
            }
            String json = activities.get(part).toString();
            Delivery delivery = sender.send(target.teamsConversation(), target.tenant(), target.key(part), target.bulk(),
                    () -> connector.post(target.serviceUrl(), target.teamsConversation(), json));
            if (!(delivery instanceof Delivery.Sent sent)) {
                return delivery;
            }
            remember(target, partId, null, sent.platformRef(), null);
        }
        String json = activities.get(activities.size() - 1).toString();
        Delivery delivery = sender.send(target.teamsConversation(), target.tenant(),
                target.key(activities.size() - 1), target.bulk(),
                () -> connector.post(target.serviceUrl(), target.teamsConversation(), json));
        if (delivery instanceof Delivery.Sent sent) {
            remember(target, target.deliveryId(), message.isQuestion() ? message.controlId() : null,
                    sent.platformRef(), message.isQuestion() ? rendered.questionText() : null);
        }
        return delivery;
    }

    private Delivery replaceQuestion(Target target, Outbound message) {
        Optional<PlatformMessages.Landed> question = landed.byControl(target.conversationId(), message.controlId());
        if (question.isEmpty() || question.get().ref() == null) {
            // asked before Teams was configured, or on another channel: nothing to replace
            return new Delivery.Sent(null);
        }
        PlatformMessages.Landed q = question.get();
        ObjectNode activity = cards.answered(q.questionText(), message.text());
        activity.put("id", q.ref());
        String json = activity.toString();
        Delivery delivery = sender.send(target.teamsConversation(), target.tenant(), target.key(0), target.bulk(),
                () -> connector.update(target.serviceUrl(), q.place(), q.ref(), json));
        if (delivery instanceof Delivery.Sent) {
            remember(target, target.deliveryId(), null, q.ref(), null);
            return new Delivery.Sent(q.ref());
        }
        return delivery;
    }

    private void remember(Target target, String deliveryId, String controlId, String ref, String questionText) {
        landed.remember(new PlatformMessages.Landed(target.conversationId(), target.personId(), deliveryId, controlId,
                target.teamsConversation(), ref, questionText, clock.instant()));
    }

    /**
     * The message id plus a fingerprint of its content: a redelivery of the same message is recognised, while a
     * different message that reuses an id (a rejected turn does not advance the turn counter) still goes out.
     */
    static String deliveryId(Outbound message) {
        return NAME + ":" + message.id() + "#" + Integer.toHexString(Objects.hash(message.kind(), message.text(),
                message.controlId(), message.choices(), message.imageId()));
    }
}
