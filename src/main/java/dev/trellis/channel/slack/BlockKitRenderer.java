package dev.trellis.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.image;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;

import dev.trellis.engine.Outbound;

/**
 * Renders the engine's {@link Outbound} messages as Block Kit. Text is mrkdwn with {@code & < >} escaped, so what a
 * person wrote (echoed back in a question) cannot turn into a mention or a link. Every control carries the
 * question's control id (see {@link ActionIds}).
 */
final class BlockKitRenderer {

    /** More options than this become a select menu instead of a row of buttons. */
    static final int MAX_BUTTONS = 5;
    /** Slack's limit for button and option labels. */
    private static final int MAX_LABEL = 75;

    /** A message ready for {@code chat.postMessage}: blocks plus the notification fallback text. */
    record Rendered(String fallback, List<LayoutBlock> blocks) {
    }

    /** Slack's limit on a section's text. */
    static final int SECTION_LIMIT = 3000;

    Rendered render(Outbound message) {
        return render(message, ControlWords.ENGLISH);
    }

    /** As {@link #render(Outbound)}, the controls' own words ("Done", "Choose…") in the person's language. */
    Rendered render(Outbound message, ControlWords words) {
        String text = escape(message.text() == null ? "" : message.text());
        List<LayoutBlock> blocks = new ArrayList<>();
        if (message.kind() != Outbound.Kind.IMAGE && !text.isBlank()) {
            blocks.addAll(sections(text));
        }
        switch (message.kind()) {
            case TEXT, QUESTION, NUMBER, ANSWERED, NOTICE -> {
            }
            case DATE -> blocks.add(dateControls(message));
            case CHOICE -> blocks.addAll(choice(message, words));
            case CONFIRM -> blocks.add(buttons(message.controlId(), confirmChoices(message)));
            case SCALE -> blocks.addAll(scale(message));
            case IMAGE -> blocks.add(imageBlock(message, text));
        }
        return new Rendered(text.isBlank() ? " " : text, blocks);
    }

    /** The question as it reads after it was answered: its text, then the answer instead of the controls. */
    Rendered answered(String questionText, String answer) {
        String question = escape(questionText == null ? "" : questionText);
        String chosen = escape(answer == null ? "" : answer);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!question.isBlank()) {
            blocks.addAll(sections(question));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(":white_check_mark: " + chosen)))));
        return new Rendered(question.isBlank() ? chosen : question, blocks);
    }

    /**
     * Text as section blocks of at most {@value #SECTION_LIMIT} characters, cut at a line break or space: Slack
     * refuses a longer section ({@code invalid_blocks}), and a recap quoting a person's long answers can be longer.
     */
    static List<LayoutBlock> sections(String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String rest = text;
        while (rest.length() > SECTION_LIMIT) {
            int cut = Math.max(rest.lastIndexOf('\n', SECTION_LIMIT), rest.lastIndexOf(' ', SECTION_LIMIT));
            if (cut < SECTION_LIMIT / 2) cut = SECTION_LIMIT;
            String part = rest.substring(0, cut);
            blocks.add(section(s -> s.text(markdownText(part))));
            rest = rest.substring(cut).stripLeading();
        }
        String last = rest;
        if (!last.isBlank()) blocks.add(section(s -> s.text(markdownText(last))));
        return blocks;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Whether {@link #render(Outbound, ControlWords)} writes a word of its own for this message. */
    static boolean needsWords(Outbound message) {
        return message.kind() == Outbound.Kind.CHOICE && (message.multiple() || message.choices().size() > MAX_BUTTONS);
    }

    private List<LayoutBlock> choice(Outbound message, ControlWords words) {
        String controlId = message.controlId();
        List<Outbound.Choice> choices = message.choices();
        if (message.multiple()) {
            List<OptionObject> options = choices.stream().map(BlockKitRenderer::toOption).toList();
            return List.of(
                    controls(controlId, List.of(checkboxes(c -> c.actionId(ActionIds.toggle(controlId)).options(options)))),
                    actions(a -> a.blockId(ActionIds.block(controlId) + ":done").elements(List.of(
                            button(b -> b.actionId(ActionIds.done(controlId)).text(plainText(words.done()))
                                    .style("primary").value("done"))))));
        }
        if (choices.size() <= MAX_BUTTONS) {
            return List.of(buttons(controlId, choices));
        }
        List<OptionObject> options = choices.stream().map(BlockKitRenderer::toOption).toList();
        return List.of(controls(controlId, List.of(staticSelect(s -> s.actionId(ActionIds.answer(controlId, 0))
                .placeholder(plainText(words.choose())).options(options)))));
    }

    private List<LayoutBlock> scale(Outbound message) {
        int min = message.min() == null ? 1 : message.min();
        int max = message.max() == null ? 10 : message.max();
        List<Outbound.Choice> steps = new ArrayList<>();
        for (int i = min; i <= max; i++) {
            steps.add(new Outbound.Choice(Integer.toString(i), Integer.toString(i)));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(buttons(message.controlId(), steps));
        if (message.minLabel() != null || message.maxLabel() != null) {
            String legend = escape(min + " = " + nullToEmpty(message.minLabel()) + " · " + max + " = "
                    + nullToEmpty(message.maxLabel()));
            blocks.add(context(c -> c.elements(List.of(markdownText(legend)))));
        }
        return blocks;
    }

    private static List<Outbound.Choice> confirmChoices(Outbound message) {
        return message.choices().isEmpty()
                ? List.of(new Outbound.Choice("yes", "Yes"), new Outbound.Choice("no", "No"))
                : message.choices();
    }

    /** Quick replies ("This Friday", "In 2 weeks") first, then the picker for any other date. */
    private static LayoutBlock dateControls(Outbound message) {
        String controlId = message.controlId();
        List<BlockElement> elements = new ArrayList<>();
        List<Outbound.Choice> quick = message.choices();
        for (int i = 0; i < quick.size(); i++) {
            Outbound.Choice choice = quick.get(i);
            String actionId = ActionIds.answer(controlId, i + 1);
            elements.add(button(b -> b.actionId(actionId).text(plainText(label(choice.label()))).value(choice.value())));
        }
        String placeholder = message.minLabel() == null || message.minLabel().isBlank() ? "Pick a date" : message.minLabel();
        elements.add(datePicker(d -> d.actionId(ActionIds.answer(controlId, 0)).placeholder(plainText(placeholder))));
        return controls(controlId, elements);
    }

    private static LayoutBlock buttons(String controlId, List<Outbound.Choice> choices) {
        List<BlockElement> elements = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Outbound.Choice choice = choices.get(i);
            String actionId = ActionIds.answer(controlId, i);
            elements.add(button(b -> b.actionId(actionId).text(plainText(label(choice.label()))).value(choice.value())));
        }
        return controls(controlId, elements);
    }

    private static LayoutBlock controls(String controlId, List<BlockElement> elements) {
        return actions(a -> a.blockId(ActionIds.block(controlId)).elements(elements));
    }

    /**
     * An image block needs a URL Slack can fetch; a chart that is only stored by name is described by its alt text
     * until the coaching work serves charts publicly.
     */
    private static LayoutBlock imageBlock(Outbound message, String altText) {
        String alt = altText.isBlank() ? "chart" : altText;
        String source = message.imageId();
        if (source != null && (source.startsWith("https://") || source.startsWith("http://"))) {
            return image(i -> i.imageUrl(source).altText(alt));
        }
        return section(s -> s.text(markdownText(alt)));
    }

    private static OptionObject toOption(Outbound.Choice choice) {
        return option(plainText(label(choice.label())), choice.value());
    }

    private static String label(String label) {
        String text = label == null || label.isBlank() ? "—" : label;
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
