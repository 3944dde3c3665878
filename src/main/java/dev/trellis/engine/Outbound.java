package dev.trellis.engine;

import java.util.List;

/**
 * One message the bot sends, in the shape every channel renders (Block Kit, Adaptive Card, web-chat JSON).
 * Questions carry a {@code controlId}: a click is only accepted while that control is the open question, so an
 * old button gets a polite note instead of changing the conversation. {@code ANSWERED} tells a channel to replace
 * the question {@code controlId} with the chosen {@code text}, so its buttons cannot be clicked twice.
 * {@code minLabel} and {@code maxLabel} label a scale's ends; for a {@code DATE} question {@code minLabel} is the date
 * picker's placeholder ("Pick a date"), in the person's language.
 */
public record Outbound(String id, Kind kind, String text, List<Choice> choices, boolean multiple, Integer min,
                       Integer max, String minLabel, String maxLabel, String controlId, String imageId) {

    public enum Kind {
        /** Plain text. */
        TEXT,
        /** A free-text question (typed answer expected; {@code NUMBER} and {@code DATE} for typed input). */
        QUESTION, NUMBER, DATE,
        /** Options as buttons or a select; {@code multiple} for checkboxes. */
        CHOICE,
        /** A rating from {@code min} to {@code max}. */
        SCALE,
        /** Yes / no. */
        CONFIRM,
        /** An image (a chart), {@code imageId} names the stored PNG, {@code text} is its alt text. */
        IMAGE,
        /**
         * Files for the person alone (their data export): {@code imageId} names the prepared export, {@code text}
         * says what it is. Channels deliver it only into the person's private chat.
         */
        FILE,
        /** The question {@code controlId} was answered with {@code text}: replace its controls. */
        ANSWERED,
        /**
         * A short note for the person alone (a click on an old question): channels that can show it privately do
         * (Slack: an ephemeral message), others show it as text.
         */
        NOTICE
    }

    /** An option: the value sent back when clicked and the label shown. */
    public record Choice(String value, String label) {
    }

    public Outbound {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean isQuestion() {
        return controlId != null && kind != Kind.ANSWERED;
    }

    /** A yes/no question; the answer comes back as the value {@code yes} or {@code no}. */
    public static Outbound confirm(String id, String text, String yesLabel, String noLabel, String controlId) {
        return new Outbound(id, Kind.CONFIRM, text, List.of(new Choice("yes", yesLabel), new Choice("no", noLabel)),
                false, null, null, null, null, controlId, null);
    }

    public static Outbound text(String id, String text) {
        return new Outbound(id, Kind.TEXT, text, List.of(), false, null, null, null, null, null, null);
    }
}
