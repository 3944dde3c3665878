package dev.trellis.channel.slack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;

import dev.trellis.engine.Inbound;
import dev.trellis.engine.TypedText;

/**
 * Turns Slack payloads into {@link Inbound} events. The inbox de-duplicates on the event id: {@code team:event_id}
 * for Events API callbacks (so a retry has the same id), {@code team:trigger_id} for commands and clicks. Payloads
 * that are not a person talking (bots, edits, other channels, no event id) become nothing; they are still
 * acknowledged so Slack does not retry them.
 */
final class SlackInbound {

    /** Recipient meta keys: the thread to answer in (the workspace is the recipient's own field). */
    static final String THREAD_TS = "threadTs";
    /** Person hints from {@code users.info} when already known: display name, IANA timezone, locale. */
    static final String NAME = Inbound.META_NAME;
    static final String TIMEZONE = Inbound.META_TIMEZONE;
    static final String LOCALE = Inbound.META_LOCALE;

    private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);
    /** The same limit as the web chat: a person's message is at most this many characters. */
    static final int MAX_TEXT = 4_000;
    static final String TOO_LONG = "That message is longer than I can take in (4,000 characters at most), so I "
            + "haven't kept any of it. Could you send it in shorter parts?";
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*<@[A-Z0-9]+(\\|[^>]*)?>)+\\s*");

    private final Clock clock;
    private final SlackPeople people;
    private final Notices background;

    SlackInbound(Clock clock, SlackPeople people, Notices background) {
        this.clock = clock;
        this.people = people;
        this.background = background;
    }

    Optional<Inbound> directMessage(EventsApiPayload<MessageEvent> payload) {
        MessageEvent event = payload.getEvent();
        if (!hasEventId(payload) || event == null || event.getBotId() != null || event.getUser() == null
                || !"im".equals(event.getChannelType()) || isBlank(event.getText())) {
            return Optional.empty();
        }
        if (tooLong(event.getText())) {
            refuseTooLong(payload.getTeamId(), event.getChannel(), event.getUser(), event.getThreadTs(),
                    payload.getEventId());
            return Optional.empty();
        }
        Map<String, String> meta = meta(event.getThreadTs(), event.getUser());
        return Optional.of(Inbound.message(SlackChannel.NAME, payload.getTeamId() + ":" + payload.getEventId(),
                payload.getTeamId(), event.getUser(), event.getChannel(), event.getText(), clock.instant())
                .withMeta(meta));
    }

    /** Blank, or only zero-width and other invisible format characters (a stray paste): nothing to answer. */
    static boolean isBlank(String text) {
        return TypedText.isBlank(text);
    }

    private static boolean tooLong(String text) {
        return text != null && text.codePointCount(0, text.length()) > MAX_TEXT;
    }

    /** A polite note only the writer sees; nothing of the text is stored or logged. */
    private void refuseTooLong(String team, String channel, String user, String threadTs, String eventId) {
        log.info("Slack message {} of user {} refused: longer than {} characters", eventId, user, MAX_TEXT);
        background.ephemeral(team, channel, user, threadTs, "too-long:" + team + ":" + eventId, TOO_LONG);
    }

    Optional<Inbound> mention(EventsApiPayload<AppMentionEvent> payload) {
        AppMentionEvent event = payload.getEvent();
        if (!hasEventId(payload) || event == null || event.getBotId() != null || event.getUser() == null) {
            return Optional.empty();
        }
        String text = LEADING_MENTIONS.matcher(event.getText() == null ? "" : event.getText()).replaceFirst("");
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        if (tooLong(text)) {
            refuseTooLong(payload.getTeamId(), event.getChannel(), event.getUser(), thread, payload.getEventId());
            return Optional.empty();
        }
        Inbound mention = Inbound.message(SlackChannel.NAME, payload.getTeamId() + ":" + payload.getEventId(),
                payload.getTeamId(), event.getUser(), event.getChannel(), text, clock.instant())
                .withMeta(meta(thread, event.getUser()));
        // a mention is read by everyone in the channel: it gets a pointer to the DM, never the person's flow
        return Optional.of(isDirectMessage(event.getChannel()) ? mention : mention.shared());
    }

    /** {@code /coach <args>}; answers go to the person's DM with the app, wherever the command was typed. */
    Optional<Inbound> command(SlashCommandPayload payload) {
        if (payload.getUserId() == null || payload.getTriggerId() == null) {
            log.info("Slack command without user or trigger id ignored");
            return Optional.empty();
        }
        String args = payload.getText() == null ? "" : payload.getText().trim();
        return Optional.of(command(payload.getTeamId(), payload.getTriggerId(), payload.getUserId(), args));
    }

    Inbound command(String teamId, String uniqueId, String userId, String args) {
        return Inbound.command(SlackChannel.NAME, teamId + ":" + uniqueId, teamId, userId, userId, args,
                clock.instant()).withMeta(meta(null, userId));
    }

    /**
     * A click on a question's control (an answer), a "Done" under checkboxes, or a start button in App Home.
     * Checkbox toggles are not answers yet; unknown action ids are logged and dropped.
     */
    Optional<Inbound> click(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null
                || payload.getTeam() == null) {
            log.info("Slack block action without action, user or team ignored");
            return Optional.empty();
        }
        BlockActionPayload.Action action = payload.getActions().get(0);
        Optional<ActionIds.Parsed> parsed = ActionIds.parse(action.getActionId());
        if (parsed.isEmpty()) {
            log.info("Unknown Slack action id ignored: {}", action.getActionId());
            return Optional.empty();
        }
        String team = payload.getTeam().getId();
        String user = payload.getUser().getId();
        String eventId = team + ":" + (payload.getTriggerId() != null ? payload.getTriggerId()
                : user + ":" + action.getActionTs());
        String address = payload.getChannel() != null ? payload.getChannel().getId() : user;
        String thread = payload.getContainer() == null ? null : payload.getContainer().getThreadTs();
        String argument = parsed.get().argument();
        return switch (parsed.get().kind()) {
            case ActionIds.ANSWER -> Optional.of(place(Inbound.action(SlackChannel.NAME, eventId, team, user, address,
                    argument, values(action), clock.instant()).withMeta(meta(thread, user))));
            case ActionIds.DONE -> Optional.of(place(Inbound.action(SlackChannel.NAME, eventId, team, user, address,
                    argument, checked(payload.getState(), argument), clock.instant()).withMeta(meta(thread, user))));
            case ActionIds.START -> Optional.of(command(team, payload.getTriggerId() != null
                    ? payload.getTriggerId() : user + ":" + action.getActionTs(), user, argument));
            case ActionIds.TOGGLE -> Optional.empty();
            default -> {
                log.info("Unknown Slack action kind ignored: {}", parsed.get().kind());
                yield Optional.empty();
            }
        };
    }

    private static List<String> values(BlockActionPayload.Action action) {
        if (action.getSelectedOption() != null) {
            return List.of(action.getSelectedOption().getValue());
        }
        if (action.getSelectedDate() != null) {
            return List.of(action.getSelectedDate());
        }
        if (action.getSelectedOptions() != null) {
            return action.getSelectedOptions().stream().map(BlockActionPayload.Action.SelectedOption::getValue).toList();
        }
        return action.getValue() == null ? List.of() : List.of(action.getValue());
    }

    /** The options ticked in the checkboxes of question {@code controlId}, read from the message's state. */
    private static List<String> checked(ViewState state, String controlId) {
        if (state == null || state.getValues() == null) {
            return List.of();
        }
        Map<String, ViewState.Value> block = state.getValues().get(ActionIds.block(controlId));
        ViewState.Value value = block == null ? null : block.get(ActionIds.toggle(controlId));
        if (value == null || value.getSelectedOptions() == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        value.getSelectedOptions().forEach(option -> values.add(option.getValue()));
        return values;
    }

    /** A click outside the person's DM (someone else's button in a channel thread) is a click in a shared place. */
    private static Inbound place(Inbound click) {
        return click.address().equals(click.userId()) || isDirectMessage(click.address()) ? click : click.shared();
    }

    /** DM channel ids start with {@code D}; channels, private channels and group DMs with {@code C} or {@code G}. */
    static boolean isDirectMessage(String channelId) {
        return channelId != null && channelId.startsWith("D");
    }

    private static boolean hasEventId(EventsApiPayload<?> payload) {
        if (payload.getEventId() == null || payload.getTeamId() == null) {
            log.info("Slack event without event or team id acknowledged and ignored");
            return false;
        }
        return true;
    }

    private Map<String, String> meta(String threadTs, String userId) {
        Map<String, String> meta = new HashMap<>();
        if (threadTs != null) {
            meta.put(THREAD_TS, threadTs);
        }
        people.known(userId, background::run).ifPresent(person -> {
            putIfPresent(meta, NAME, person.name());
            putIfPresent(meta, TIMEZONE, person.timezone());
            putIfPresent(meta, LOCALE, person.locale());
        });
        return meta;
    }

    private static void putIfPresent(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value);
        }
    }
}
