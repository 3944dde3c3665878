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
import java.util.function.Function;
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
    private final Function<String, List<String>> comingUp;

    /** {@code comingUp} gives a person's scheduled reminders as lines (what, when), soonest first. */
    AppHome(MethodsClient client, Supplier<List<Flow>> listedFlows, PersonContext people, PersonDirectory directory,
            Notices background, Function<String, List<String>> comingUp) {
        this.client = client;
        this.listedFlows = listedFlows;
        this.people = people;
        this.directory = directory;
        this.background = background;
        this.comingUp = comingUp;
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
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your coaching space"))));
        directory.find(new PlatformIdentity(SlackChannel.NAME, teamId, userId)).ifPresent(personId -> {
            blocks.addAll(goals(people.load(SlackChannel.NAME, personId)));
            blocks.addAll(reminders(comingUp.apply(personId)));
        });
        blocks.add(section(s -> s.text(markdownText("*Start a conversation* — or type `/coach` anywhere."))));
        for (Flow flow : listedFlows.get().stream().limit(MAX_FLOWS).toList()) {
            String description = flow.description() == null ? "" : "\n" + BlockKitRenderer.escape(flow.description());
            blocks.add(section(s -> s.text(markdownText("*" + BlockKitRenderer.escape(flow.title()) + "*" + description))
                    .accessory(button(b -> b.actionId(ActionIds.start(flow.id())).text(plainText("Start"))
                            .value(flow.id())))));
        }
        return blocks;
    }

    /** The goals section, or nothing when the person context has no {@code goals.active} list. */
    private static List<LayoutBlock> goals(Map<String, Object> context) {
        if (!(context.get("goals") instanceof Map<?, ?> goals) || !(goals.get("active") instanceof List<?> active)
                || active.isEmpty()) {
            return List.of();
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*Your goals*"))));
        for (Object item : active) {
            if (item instanceof Map<?, ?> goal) {
                blocks.add(section(s -> s.text(markdownText(goalLine(goal)))));
            }
        }
        if (context.get("checkin") instanceof Map<?, ?> checkin && checkin.get("next") != null) {
            String next = "Next check-in: " + BlockKitRenderer.escape(String.valueOf(checkin.get("next")));
            blocks.add(section(s -> s.text(markdownText(next))));
        }
        blocks.add(divider());
        return blocks;
    }

    /** What Trellis will come back about, or nothing when nothing is scheduled. */
    private static List<LayoutBlock> reminders(List<String> lines) {
        if (lines.isEmpty()) return List.of();
        StringBuilder text = new StringBuilder("*Coming up*");
        lines.forEach(line -> text.append("\n• ").append(BlockKitRenderer.escape(line)));
        return List.of(section(s -> s.text(markdownText(text.toString()))), divider());
    }

    /** {@code *Run a 10k* 6/10 ▰▰▰▰▰▰▱▱▱▱ · due 2026-12-04}: progress is on the 0–10 scale check-ins use. */
    private static String goalLine(Map<?, ?> goal) {
        StringBuilder line = new StringBuilder("*").append(BlockKitRenderer.escape(String.valueOf(goal.get("title"))))
                .append("*");
        if (goal.get("progress") instanceof Number progress) {
            int done = Math.max(0, Math.min(10, progress.intValue()));
            line.append("  ").append(done).append("/10 ").append("▰".repeat(done)).append("▱".repeat(10 - done));
        }
        if (goal.get("due") instanceof String due && !due.isBlank()) {
            line.append(" · due ").append(BlockKitRenderer.escape(due));
        }
        return line.toString();
    }
}
