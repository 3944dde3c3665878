package dev.trellis.channel.teams;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;

import dev.trellis.engine.Outbound;

/**
 * Renders the engine's {@link Outbound} messages as Teams activities: text as plain-text messages, questions with
 * controls as Adaptive Cards (schema 1.5) whose {@code Action.Submit} data names the question's control id (see
 * {@link TeamsInbound}). Long text is split into several activities, the card carrying the last part, so every
 * activity stays well under Teams' 28 KB.
 */
final class AdaptiveCards {

    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String VERSION = "1.5";
    /** More options than this become a drop-down instead of a row of buttons. */
    static final int MAX_BUTTONS = 5;
    /** Characters per activity: even at four UTF-8 bytes each, far under 28 KB with the card around them. */
    static final int MAX_TEXT = 4000;

    /** The activities of one message, in order, and the text an answered question is rebuilt around. */
    record Rendered(List<ObjectNode> activities, String questionText) {
    }

    Rendered render(Outbound message, String imageDataUri) {
        return render(message, imageDataUri, CardWords.ENGLISH);
    }

    /** As {@link #render(Outbound, String)}, the controls' own words ("Send", "Done") in the person's language. */
    Rendered render(Outbound message, String imageDataUri, CardWords words) {
        List<String> parts = split(message.text() == null ? "" : message.text());
        List<ObjectNode> activities = new ArrayList<>();
        for (int i = 0; i < parts.size() - 1; i++) {
            activities.add(text(parts.get(i)));
        }
        String last = parts.get(parts.size() - 1);
        activities.add(switch (message.kind()) {
            case TEXT, QUESTION, NUMBER, NOTICE, ANSWERED -> text(last);
            case CHOICE -> choice(message, last, words);
            case CONFIRM -> card(body(last), buttons(message.controlId(), message.choices()));
            case SCALE -> scale(message, last, words);
            case DATE -> card(withInput(body(last), dateInput()), submit(message.controlId(), words.send(), false));
            case IMAGE -> image(last, imageDataUri);
            // the export is offered on file-consent cards by TeamsChannel, which knows the files; as a card alone it is
            // its text
            case FILE -> text(last);
        });
        return new Rendered(activities, last);
    }

    /** The question as it reads once answered: its text and the answer, no controls left to click. */
    ObjectNode answered(String questionText, String answer) {
        ArrayNode body = body(questionText == null ? "" : questionText);
        ObjectNode chosen = textBlock("✅ " + (answer == null ? "" : answer));
        chosen.put("weight", "Bolder");
        body.add(chosen);
        return card(body, Serialization.createArrayNode());
    }

    /** Whether {@link #render(Outbound, String, CardWords)} writes a word of its own for this message. */
    static boolean needsWords(Outbound message) {
        return switch (message.kind()) {
            case DATE -> true;
            case CHOICE -> message.multiple() || message.choices().size() > MAX_BUTTONS;
            case SCALE -> (message.max() == null ? 10 : message.max()) - (message.min() == null ? 1 : message.min())
                    + 1 > MAX_BUTTONS;
            default -> false;
        };
    }

    private ObjectNode choice(Outbound message, String text, CardWords words) {
        if (message.multiple()) {
            ObjectNode input = choiceSet(message.choices(), "expanded");
            input.put("isMultiSelect", true);
            return card(withInput(body(text), input), submit(message.controlId(), words.done(), true));
        }
        if (message.choices().size() <= MAX_BUTTONS) {
            return card(body(text), buttons(message.controlId(), message.choices()));
        }
        ObjectNode input = choiceSet(message.choices(), "compact");
        input.put("placeholder", words.choose());
        return card(withInput(body(text), input), submit(message.controlId(), words.send(), false));
    }

    private ObjectNode scale(Outbound message, String text, CardWords words) {
        int min = message.min() == null ? 1 : message.min();
        int max = message.max() == null ? 10 : message.max();
        List<Outbound.Choice> steps = new ArrayList<>();
        for (int i = min; i <= max; i++) {
            steps.add(new Outbound.Choice(Integer.toString(i), Integer.toString(i)));
        }
        ArrayNode body = body(text);
        if (message.minLabel() != null || message.maxLabel() != null) {
            ObjectNode legend = textBlock(min + " = " + nullToEmpty(message.minLabel()) + " · " + max + " = "
                    + nullToEmpty(message.maxLabel()));
            legend.put("isSubtle", true);
            legend.put("size", "Small");
            body.add(legend);
        }
        if (steps.size() <= MAX_BUTTONS) {
            return card(body, buttons(message.controlId(), steps));
        }
        ObjectNode input = choiceSet(steps, "compact");
        input.put("placeholder", min + " – " + max);
        return card(withInput(body, input), submit(message.controlId(), words.send(), false));
    }

    private ObjectNode image(String altText, String dataUri) {
        String alt = altText.isBlank() ? "chart" : altText;
        if (dataUri == null) {
            return text(alt);
        }
        ArrayNode body = Serialization.createArrayNode();
        ObjectNode image = body.addObject();
        image.put("type", "Image");
        image.put("url", dataUri);
        image.put("altText", alt);
        image.put("size", "Stretch");
        body.add(textBlock(alt));
        return card(body, Serialization.createArrayNode());
    }

    static ObjectNode text(String text) {
        ObjectNode activity = Serialization.createObjectNode();
        activity.put("type", "message");
        activity.put("text", text.isBlank() ? " " : text);
        activity.put("textFormat", "plain");
        return activity;
    }

    private static ObjectNode card(ArrayNode body, ArrayNode actions) {
        ObjectNode card = Serialization.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", VERSION);
        card.set("body", body);
        if (!actions.isEmpty()) {
            card.set("actions", actions);
        }
        ObjectNode activity = Serialization.createObjectNode();
        activity.put("type", "message");
        ObjectNode attachment = activity.putArray("attachments").addObject();
        attachment.put("contentType", CARD_TYPE);
        attachment.set("content", card);
        return activity;
    }

    private static ArrayNode body(String text) {
        ArrayNode body = Serialization.createArrayNode();
        if (!text.isBlank()) {
            body.add(textBlock(text));
        }
        return body;
    }

    private static ArrayNode withInput(ArrayNode body, ObjectNode input) {
        body.add(input);
        return body;
    }

    private static ObjectNode textBlock(String text) {
        ObjectNode block = Serialization.createObjectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    private static ObjectNode dateInput() {
        ObjectNode input = Serialization.createObjectNode();
        input.put("type", "Input.Date");
        input.put("id", TeamsInbound.DATA_ANSWER);
        return input;
    }

    private static ObjectNode choiceSet(List<Outbound.Choice> choices, String style) {
        ObjectNode input = Serialization.createObjectNode();
        input.put("type", "Input.ChoiceSet");
        input.put("id", TeamsInbound.DATA_ANSWER);
        input.put("style", style);
        ArrayNode options = input.putArray("choices");
        choices.forEach(choice -> options.addObject().put("title", choice.label()).put("value", choice.value()));
        return input;
    }

    private static ArrayNode buttons(String controlId, List<Outbound.Choice> choices) {
        ArrayNode actions = Serialization.createArrayNode();
        for (Outbound.Choice choice : choices) {
            ObjectNode action = actions.addObject();
            action.put("type", "Action.Submit");
            action.put("title", choice.label());
            ObjectNode data = action.putObject("data");
            data.put(TeamsInbound.DATA_CONTROL, controlId);
            data.put(TeamsInbound.DATA_ANSWER, choice.value());
        }
        return actions;
    }

    private static ArrayNode submit(String controlId, String title, boolean multiple) {
        ArrayNode actions = Serialization.createArrayNode();
        ObjectNode action = actions.addObject();
        action.put("type", "Action.Submit");
        action.put("title", title);
        ObjectNode data = action.putObject("data");
        data.put(TeamsInbound.DATA_CONTROL, controlId);
        if (multiple) {
            data.put(TeamsInbound.DATA_MULTI, true);
        }
        return actions;
    }

    /** Text in parts of at most {@value #MAX_TEXT} characters, cut at a line break or space where there is one. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_TEXT) {
            int cut = Math.max(rest.lastIndexOf('\n', MAX_TEXT), rest.lastIndexOf(' ', MAX_TEXT));
            if (cut < MAX_TEXT / 2) {
                cut = MAX_TEXT;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
