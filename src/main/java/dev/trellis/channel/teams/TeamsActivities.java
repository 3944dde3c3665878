package dev.trellis.channel.teams;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Serialization;

import dev.trellis.engine.Inbound;
import dev.trellis.inbox.Inbox;

/**
 * What an authenticated activity does. Personal-chat messages, typed {@code /coach} commands and card submits go to
 * the inbox; a mention in a channel or group chat goes there as a shared-place event (the engine answers it with a
 * pointer to the personal chat, in its thread, and leaves the flow alone); installs are remembered and a new personal
 * chat is welcomed once; uninstalls stop all sending; a file consent (the person allowed or declined a file of their
 * export) goes to {@link TeamsFileConsent}. Everything else is acknowledged and ignored.
 */
final class TeamsActivities {

    static final String HELLO_IN_TEAM = "Hi, I'm Trellis, a coaching assistant. Coaching is private: mention me "
            + "and we'll continue in a personal chat.";

    private static final Logger log = LoggerFactory.getLogger(TeamsActivities.class);

    private final Inbox inbox;
    private final TeamsInbound translate;
    private final ConversationReferences references;
    private final TeamsNotices notices;
    private final TeamsFileConsent files;
    private final Clock clock;

    TeamsActivities(Inbox inbox, TeamsInbound translate, ConversationReferences references, TeamsNotices notices,
                    TeamsFileConsent files, Clock clock) {
        this.inbox = inbox;
        this.translate = translate;
        this.references = references;
        this.notices = notices;
        this.files = files;
        this.clock = clock;
    }

    void handle(Activity activity) {
        switch (activity.getType()) {
            case ActivityTypes.MESSAGE -> message(activity);
            case ActivityTypes.CONVERSATION_UPDATE -> conversationUpdate(activity);
            case ActivityTypes.INSTALLATION_UPDATE -> installationUpdate(activity);
            case ActivityTypes.INVOKE -> {
                if (TeamsFileConsent.INVOKE_NAME.equals(activity.getName())) {
                    files.handle(activity);
                } else {
                    log.debug("Teams invoke {} acknowledged and ignored", activity.getId());
                }
            }
            default -> log.debug("Teams activity {} of type {} acknowledged and ignored", activity.getId(),
                    activity.getType());
        }
    }

    /**
     * A personal chat is the person's private place; a channel or group chat is shared: what comes from there reaches
     * the engine marked shared, and gets a pointer to the personal chat in its thread and nothing of the flow.
     */
    private void message(Activity activity) {
        String conversation = activity.getConversation().getId();
        Optional<Inbound> inbound = translate.message(activity, conversation);
        if (isPersonal(activity)) {
            references.remember(reference(activity), clock.instant());
            store(inbound);
        } else {
            store(inbound.map(Inbound::shared));
        }
    }

    private void conversationUpdate(Activity activity) {
        if (mentionsBot(activity, activity.getMembersRemoved())) {
            uninstalled(activity, "removed");
        } else if (mentionsBot(activity, activity.getMembersAdded())) {
            installed(activity);
        }
    }

    private void installationUpdate(Activity activity) {
        String action = activity.getAction() == null ? "" : activity.getAction();
        if (action.startsWith("remove")) {
            uninstalled(activity, "uninstalled");
        } else if (action.startsWith("add")) {
            installed(activity);
        }
    }

    private void installed(Activity activity) {
        references.remember(reference(activity), clock.instant());
        if (!references.claimWelcome(activity.getConversation().getId(), clock.instant())) {
            return;
        }
        log.info("Teams app installed in conversation {}", activity.getConversation().getId());
        if (isPersonal(activity)) {
            store(Optional.of(translate.welcome(activity)));
        } else {
            notices.post(activity, HELLO_IN_TEAM);
        }
    }

    private void uninstalled(Activity activity, String reason) {
        references.deactivate(activity.getConversation().getId(), reason, clock.instant());
        log.info("Teams app {} from conversation {}", reason, activity.getConversation().getId());
    }

    private void store(Optional<Inbound> inbound) {
        inbound.ifPresent(event -> {
            if (inbox.accept(event) == Inbox.Receipt.DUPLICATE) {
                log.debug("Teams activity {} already stored; acknowledged again", event.eventId());
            }
        });
    }

    private static boolean mentionsBot(Activity activity, List<ChannelAccount> members) {
        return members != null && activity.getRecipient() != null
                && members.stream().anyMatch(m -> activity.getRecipient().getId().equals(m.getId()));
    }

    static boolean isPersonal(Activity activity) {
        return "personal".equals(activity.getConversation().getConversationType());
    }

    private static ConversationReferences.Reference reference(Activity activity) {
        return new ConversationReferences.Reference(activity.getConversation().getId(), activity.getServiceUrl(),
                tenantOf(activity), activity.getRecipient() == null ? null : activity.getRecipient().getId(),
                TeamsInbound.personOf(activity), activity.getFrom().getId(),
                isPersonal(activity) ? "personal" : activity.getConversation().getConversationType(), true, null,
                null, null);
    }

    /** The activity's tenant: the conversation's, or the channel data's for older payloads. */
    static String tenantOf(Activity activity) {
        if (activity.getConversation() != null && activity.getConversation().getTenantId() != null) {
            return activity.getConversation().getTenantId();
        }
        JsonNode data = activity.getChannelData() == null ? null : Serialization.objectToTree(activity.getChannelData());
        JsonNode tenant = data == null ? null : data.path("tenant").path("id");
        return tenant == null || !tenant.isTextual() ? null : tenant.asText();
    }
}
