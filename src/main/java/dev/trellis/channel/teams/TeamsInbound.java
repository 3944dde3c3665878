package dev.trellis.channel.teams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

import dev.trellis.engine.Inbound;
import dev.trellis.engine.TypedText;

/**
 * Turns authenticated Teams message activities into {@link Inbound} events. The event id is the activity id, so a
 * Bot Framework retry is stored once. The platform identity is the tenant and the user's Entra object id (stable
 * across apps); the address is the Teams conversation id; meta keeps what an answer needs (service URL, the bot's id).
 */
final class TeamsInbound {

    /** Recipient meta keys. */
    static final String SERVICE_URL = "serviceUrl";
    static final String BOT = "bot";
    static final String TEAMS_USER = "teamsUser";
    /** What an Adaptive Card's {@code Action.Submit} sends back: the control, the answer, checkboxes or not. */
    static final String DATA_CONTROL = "trellis";
    static final String DATA_ANSWER = "answer";
    static final String DATA_MULTI = "multi";
    static final String COMMAND = "/coach";

    private static final Pattern AT_TAGS = Pattern.compile("<at>[^<]*</at>");

    private final Clock clock;

    TeamsInbound(Clock clock) {
        this.clock = clock;
    }

    /** Typed text (a message, or a {@code /coach} command) or a card submit, answered in {@code conversationId}. */
    Optional<Inbound> message(Activity activity, String conversationId) {
        String tenant = TeamsActivities.tenantOf(activity);
        String person = personOf(activity);
        Map<String, String> meta = meta(activity);
        if (activity.getValue() != null) {
            return submit(activity, tenant, person, conversationId, meta);
        }
        String text = typedText(activity);
        if (TypedText.isBlank(text)) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals(COMMAND) || lower.startsWith(COMMAND + " ")) {
            return Optional.of(Inbound.command(TeamsChannel.NAME, activity.getId(), tenant, person, conversationId,
                    text.substring(COMMAND.length()).trim(), clock.instant()).withMeta(meta));
        }
        return Optional.of(Inbound.message(TeamsChannel.NAME, activity.getId(), tenant, person, conversationId, text,
                clock.instant()).withMeta(meta));
    }

    /**
     * The first thing a new personal chat hears: the menu, as {@code /coach} with nothing after it would show. Keyed
     * by the install activity, so a reinstall is welcomed again (whether to welcome is {@link ConversationReferences}'s
     * call).
     */
    Inbound welcome(Activity activity) {
        return Inbound.command(TeamsChannel.NAME, "welcome:" + activity.getId(),
                TeamsActivities.tenantOf(activity), personOf(activity), activity.getConversation().getId(), "",
                clock.instant()).withMeta(meta(activity));
    }

    private Optional<Inbound> submit(Activity activity, String tenant, String person, String conversationId,
                                     Map<String, String> meta) {
        JsonNode data = Serialization.objectToTree(activity.getValue());
        JsonNode control = data == null ? null : data.get(DATA_CONTROL);
        if (control == null || !control.isTextual() || control.asText().isBlank()) {
            return Optional.empty();
        }
        JsonNode answer = data.get(DATA_ANSWER);
        List<String> values = new ArrayList<>();
        if (answer != null && answer.isValueNode() && !answer.asText().isBlank()) {
            if (data.path(DATA_MULTI).asBoolean(false)) {
                Arrays.stream(answer.asText().split(",")).map(String::trim).filter(v -> !v.isEmpty())
                        .forEach(values::add);
            } else {
                values.add(answer.asText());
            }
        }
        return Optional.of(Inbound.action(TeamsChannel.NAME, activity.getId(), tenant, person, conversationId,
                control.asText(), values, clock.instant()).withMeta(meta));
    }

    /**
     * What the person typed, without the {@code <at>Trellis</at>} of a mention of the bot; a mention of someone else
     * ({@code <at>Maria Lopez</at>}) is read as the name it shows, so "my manager is @Maria Lopez" names her.
     */
    static String typedText(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        String bot = activity.getRecipient() == null ? null : activity.getRecipient().getName();
        java.util.regex.Matcher tag = AT_TAGS.matcher(text);
        StringBuilder kept = new StringBuilder();
        while (tag.find()) {
            String shown = tag.group().substring(4, tag.group().length() - 5).strip();
            tag.appendReplacement(kept, java.util.regex.Matcher.quoteReplacement(
                    bot == null || shown.equalsIgnoreCase(bot) ? " " : " " + shown + " "));
        }
        tag.appendTail(kept);
        return kept.toString().replace("&nbsp;", " ").trim().replaceAll("\\s{2,}", " ");
    }

    /** Trellis's id for the person: the Entra object id when Teams sends it, else the Teams user id. */
    static String personOf(Activity activity) {
        String aad = activity.getFrom().getAadObjectId();
        return aad != null && !aad.isBlank() ? aad : activity.getFrom().getId();
    }

    static Map<String, String> meta(Activity activity) {
        Map<String, String> meta = new HashMap<>();
        meta.put(SERVICE_URL, activity.getServiceUrl());
        putIfPresent(meta, BOT, activity.getRecipient() == null ? null : activity.getRecipient().getId());
        putIfPresent(meta, TEAMS_USER, activity.getFrom().getId());
        putIfPresent(meta, Inbound.META_NAME, activity.getFrom().getName());
        putIfPresent(meta, Inbound.META_TIMEZONE, activity.getLocalTimezone());
        putIfPresent(meta, Inbound.META_LOCALE, activity.getLocale());
        return meta;
    }

    private static void putIfPresent(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value);
        }
    }
}
