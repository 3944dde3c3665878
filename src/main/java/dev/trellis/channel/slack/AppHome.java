package dev.trellis.channel.slack;

import dev.trellis.engine.Redacted;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;

import dev.trellis.engine.PersonContext;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.flow.Flow;
import dev.trellis.flow.MessageBundle;

/**
 * The App Home tab: the person's active goals with their progress and next check-in (when the coaching domain
 * provides {@code goals.active}), the reminders scheduled for them, then a start button for every listed flow. Published with {@code views.publish}
 * in the background each time the person opens the tab.
 */
final class AppHome {

    private static final Logger log = LoggerFactory.getLogger(AppHome.class);
    private static final int MAX_FLOWS = 40;

    private final MethodsClient client;
    private final Supplier<List<Flow>> listedFlows;
    private final PersonContext people;
    private final PersonDirectory directory;
    private final Notices background;
    private final BiFunction<String, String, List<String>> comingUp;
    private final MessageBundle messages;

    /**
     * {@code comingUp} gives a person's scheduled reminders as lines (what, when), soonest first, in a locale; the
     * tab's own words come from {@code trellis.home.*} and the flows' titles from {@code flows.<id>.*}, in the
     * person's locale.
     */
    AppHome(MethodsClient client, Supplier<List<Flow>> listedFlows, PersonContext people, PersonDirectory directory,
            Notices background, BiFunction<String, String, List<String>> comingUp, MessageBundle messages) {
        this.client = client;
        this.listedFlows = listedFlows;
        this.people = people;
        this.directory = directory;
        this.background = background;
        this.comingUp = comingUp;
        this.messages = messages;
    }

    void publishLater(String teamId, AppHomeOpenedEvent event) {
        if (event == null || event.getUser() == null || !"home".equals(event.getTab())) {
            return;
        }
        background.run(() -> publish(teamId, event.getUser()));
    }

    void publish(String teamId, String userId) {
        View view = view(v -> v.type("home").blocks(blocks(teamId, userId)));
        try {
            ViewsPublishResponse response = client.viewsPublish(r -> r.userId(userId).view(view));
            if (!response.isOk()) {
                log.warn("views.publish for {} in {} failed: {}", userId, teamId, response.getError());
            }
        } catch (Exception e) {
            log.warn("views.publish for {} in {} failed", userId, teamId, Redacted.of(e));
        }
    }

    /** The person's goals are theirs from any linked channel: looked up by person id, not by Slack user. */
    List<LayoutBlock> blocks(String teamId, String userId) {
        List<LayoutBlock> middle = new ArrayList<>();
        String locale = "en";
        Optional<String> person = directory.find(new PlatformIdentity(SlackChannel.NAME, teamId, userId));
        if (person.isPresent()) {
            Map<String, Object> context = people.load(SlackChannel.NAME, person.get());
            locale = PersonContext.localeIn(context).orElse(locale);
            middle.addAll(goals(context, locale));
            middle.addAll(reminders(comingUp.apply(person.get(), locale), locale));
        }
        String in = locale;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(say(in, "trellis.home.title", Map.of())))));
        blocks.addAll(middle);
        blocks.add(section(s -> s.text(markdownText(say(in, "trellis.home.start", Map.of())))));
        String start = say(in, "trellis.home.startButton", Map.of());
        for (Flow flow : listedFlows.get().stream().limit(MAX_FLOWS).toList()) {
            String title = first(in, "flows." + flow.id() + ".title").orElse(flow.title());
            String about = first(in, "flows." + flow.id() + ".description").orElse(flow.description());
            String description = about == null ? "" : "\n" + BlockKitRenderer.escape(about);
            blocks.add(section(s -> s.text(markdownText("*" + BlockKitRenderer.escape(title) + "*" + description))
                    .accessory(button(b -> b.actionId(ActionIds.start(flow.id())).text(plainText(start))
                            .value(flow.id())))));
        }
        return blocks;
    }

    private Optional<String> first(String locale, String key) {
        return messages.variants(locale, key).stream().findFirst();
    }

    /** The message {@code key} in {@code locale}, its {@code {{name}}} filled with values (dates, never a person's words). */
    private String say(String locale, String key, Map<String, String> values) {
        String text = first(locale, key).orElse(key);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }

    /** The goals section, or nothing when the person context has no {@code goals.active} list. */
    private List<LayoutBlock> goals(Map<String, Object> context, String locale) {
        if (!(context.get("goals") instanceof Map<?, ?> goals) || !(goals.get("active") instanceof List<?> active)
                || active.isEmpty()) {
            return List.of();
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(say(locale, "trellis.home.goals", Map.of())))));
        for (Object item : active) {
            if (item instanceof Map<?, ?> goal) {
                blocks.add(section(s -> s.text(markdownText(goalLine(goal, locale)))));
            }
        }
        if (context.get("checkin") instanceof Map<?, ?> checkin && checkin.get("next") != null) {
            String next = say(locale, "trellis.home.nextCheckIn",
                    Map.of("date", BlockKitRenderer.escape(String.valueOf(checkin.get("next")))));
            blocks.add(section(s -> s.text(markdownText(next))));
        }
        blocks.add(divider());
        return blocks;
    }

    /** What Trellis will come back about, or nothing when nothing is scheduled. */
    private List<LayoutBlock> reminders(List<String> lines, String locale) {
        if (lines.isEmpty()) return List.of();
        StringBuilder text = new StringBuilder(say(locale, "trellis.home.comingUp", Map.of()));
        lines.forEach(line -> text.append("\n• ").append(BlockKitRenderer.escape(line)));
        return List.of(section(s -> s.text(markdownText(text.toString()))), divider());
    }

    /** {@code *Run a 10k* 6/10 ▰▰▰▰▰▰▱▱▱▱ · due 2026-12-04}: progress is on the 0–10 scale check-ins use. */
    private String goalLine(Map<?, ?> goal, String locale) {
        StringBuilder line = new StringBuilder("*").append(BlockKitRenderer.escape(String.valueOf(goal.get("title"))))
                .append("*");
        if (goal.get("progress") instanceof Number progress) {
            int done = Math.max(0, Math.min(10, progress.intValue()));
            line.append("  ").append(done).append("/10 ").append("▰".repeat(done)).append("▱".repeat(10 - done));
        }
        if (goal.get("due") instanceof String due && !due.isBlank()) {
            line.append(say(locale, "trellis.home.due", Map.of("due", BlockKitRenderer.escape(due))));
        }
        return line.toString();
    }
}
