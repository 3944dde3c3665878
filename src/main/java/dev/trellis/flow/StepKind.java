package dev.trellis.flow;

import java.util.List;
import java.util.Map;

/** The closed set of step kinds of the flow language. */
public sealed interface StepKind {

    /** Says something and moves on. */
    record Say(Text text) implements StepKind {
    }

    /**
     * Asks for free text, a number or a date. {@code reflect} says how the answer is listened to: paraphrased back
     * to confirm, paraphrased and moved on, or not at all; {@code about} is what the question asked for (a wish, an
     * obstacle, an event, an insight, or null for anything), so the paraphrase can be framed to fit.
     */
    record Ask(Text text, AnswerType type, Validation validate, Retry retry, Reflect reflect, String about)
            implements StepKind {
        public Ask {
            reflect = reflect == null ? Reflect.NONE : reflect;
        }
    }

    /**
     * Active listening on a free-text answer: {@code CONFIRM} gives the person's words back with a yes/no check
     * (for the one or two answers a flow builds on), {@code ACKNOWLEDGE} gives them back and goes on.
     */
    enum Reflect { NONE, CONFIRM, ACKNOWLEDGE }

    /** What a question may ask for, for {@link Ask#about()}. */
    java.util.Set<String> ABOUT = java.util.Set.of("wish", "obstacle", "event", "insight");

    enum AnswerType { TEXT, NUMBER, DATE }

    /**
     * Offers options: literal {@code options}, or {@code optionsExpr} (a CEL list) with {@code label} and
     * {@code value} expressions over {@code option}. {@code multiple} saves a list.
     */
    record Choice(Text text, boolean multiple, List<Option> options, Expr optionsExpr, Expr label, Expr value,
                  Retry retry) implements StepKind {
    }

    /** A rating from {@code min} to {@code max}, saved as an integer. */
    record Scale(Text text, int min, int max, Text minLabel, Text maxLabel, Retry retry) implements StepKind {
    }

    /**
     * A yes/no question, saved as a boolean. {@code ownWords}, when set, names an {@code ask} step that words typed
     * instead of a yes or a no answer: "Shall we use X as the goal?" answered "ship the API docs" (or "no, rather:
     * ship the API docs") saves false here and takes the words as that step's answer, checked by its rules.
     */
    record Confirm(Text text, Text yes, Text no, String ownWords, Position ownWordsPosition) implements StepKind {
        public Confirm(Text text, Text yes, Text no) {
            this(text, yes, no, null, null);
        }
    }

    /**
     * Asks the person whether to share {@code items} with {@code audience} (a yes/no question, answered like a
     * {@link Confirm}, saved as a boolean). Only a yes shares: the engine records the consent (with the moment it was
     * given) as an effect of the turn, and the items become visible to that audience from then on, read by reference.
     */
    record Share(Text text, Text yes, Text no, String audience, List<Item> items) implements StepKind {
        public Share {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** The question as a plain yes/no check: asked, rendered and read exactly like one. */
        public Confirm asConfirm() {
            return new Confirm(text, yes, no);
        }

        /** One item by reference: its kind ({@link #ITEM_KINDS}) and an expression giving its record id. */
        public record Item(String kind, Expr id, Position position) {
        }

        /** What can be shared. */
        public static final java.util.Set<String> ITEM_KINDS = java.util.Set.of("goal", "talkingPoint", "checkIn",
                "plan");

        /** With whom. */
        public static final java.util.Set<String> AUDIENCES = java.util.Set.of("manager", "peerCoach");
    }

    /** Sets variables from CEL expressions. */
    record SetVars(Map<String, Expr> values) implements StepKind {
    }

    /** Runs a named Java handler with arguments; its result map is saved under {@code save}. */
    record Action(String name, Map<String, Expr> with, Position namePosition) implements StepKind {
    }

    /**
     * Runs another flow as a sub-flow with {@code with} as its starting variables; when it ends, its variables
     * are saved (as a map) under the calling step's {@code save}.
     */
    record Call(String flow, Map<String, Expr> with, Position flowPosition) implements StepKind {
    }

    /**
     * Sets a timer named {@code name} (unique per person; setting it again replaces it) that starts {@code flow}
     * (null: this flow), at {@code step} when given, with {@code with} as its starting variables (ids and figures,
     * never a person's text). When: {@code at} (an expression giving a date or date-time), {@code after} (a delay),
     * or {@code every} (a recurrence, fixed in the file or given by an expression). Exactly one of the three.
     */
    record Schedule(String name, String flow, String step, Expr at, java.time.Duration after, Recurrence every,
                    Expr everyExpr, Map<String, Expr> with, Position flowPosition) implements StepKind {
    }

    /** Cancels the person's timer named {@code name}, if there is one. */
    record Unschedule(String name) implements StepKind {
    }

    /** Ends the flow, optionally saying something first. */
    record End(Text text) implements StepKind {
    }
}
