package dev.trellis.engine;

import dev.trellis.engine.ConversationState.Status;
import dev.trellis.flow.Step;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The wellbeing guardrail: an answer that speaks of distress pauses the flow. The person hears an acknowledgement
 * and where to find help (the operator's signpost, from the {@link Reflector}), then chooses to carry on, pause or
 * stop. Their answer is kept as they wrote it and is never paraphrased back to them.
 */
final class Care {

    static final String CONTINUE = "continue";
    static final String PAUSE = "pause";
    static final String STOP = "stop";

    private final EngineParts parts;

    Care(EngineParts parts) {
        this.parts = parts;
    }

    /** Offers care when {@code said} speaks of distress; returns true when it did (the walk waits for the choice). */
    boolean offer(TurnRun run, String said) {
        String text = parts.reflector().care(said, run.locale());
        if (text == null || text.isBlank()) return false;
        run.say(text);
        run.question = new OpenQuestion.Care(OpenQuestion.engineControl(run.turn, "care"));
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.CHOICE, run.message("trellis.care.ask", Map.of()),
                choices(run), false, null, null, null, null, run.question.controlId(), null));
        return true;
    }

    /** The person's choice after the care message: carry on with the next question, pause, or stop the flow. */
    Turn reply(TurnRun run, Step step, AnswerReader.Input input) {
        // a click carrying anything but one of the three choices is a stale or forged button, not a choice
        String picked = input.clicked() ? (List.of(CONTINUE, PAUSE, STOP).contains(input.single()) ? input.single()
                : null) : typed(run, input.text());
        if (picked == null) {
            if (input.clicked()) {
                run.notice("trellis.stale");
                return run.rejected("unknown care reply");
            }
            run.sayMessage("trellis.care.again", Map.of());
            run.out.add(new Outbound(run.nextId(), Outbound.Kind.CHOICE, run.message("trellis.care.ask", Map.of()),
                    choices(run), false, null, null, null, null, run.question.controlId(), null));
            return run.result();
        }
        run.answered(run.message("trellis.care." + picked, Map.of()));
        switch (picked) {
            case CONTINUE -> {
                run.question = null;
                run.walk.runFrom(run.walk.after(step));
            }
            case PAUSE -> {
                // the care question stays open: writing anything later carries on after the answer
                run.status = Status.PAUSED;
                run.wakeAt = run.lastActivityAt.plus(run.flow.idleLimit());
                run.sayMessage("trellis.care.paused", Map.of());
            }
            case STOP -> {
                String title = run.title();
                run.walk.end(Status.STOPPED);
                run.outcome = new Turn.Outcome.Finished(run.flowId, Status.STOPPED);
                run.sayMessage("trellis.care.stopped", Map.of("title", title));
            }
            default -> throw new IllegalStateException("unknown care choice " + picked);
        }
        return run.result();
    }

    private List<Outbound.Choice> choices(TurnRun run) {
        return List.of(new Outbound.Choice(CONTINUE, run.message("trellis.care.continue", Map.of())),
                new Outbound.Choice(PAUSE, run.message("trellis.care.pause", Map.of())),
                new Outbound.Choice(STOP, run.message("trellis.care.stop", Map.of())));
    }

    private String typed(TurnRun run, String text) {
        String word = Words.normalize(text);
        for (String choice : List.of(CONTINUE, PAUSE, STOP)) {
            if (word.equals(Words.normalize(run.message("trellis.care." + choice, Map.of())))
                    || parts.words().is("care." + choice, word, run.locale())) {
                return choice;
            }
        }
        if (parts.words().is("yes", word, run.locale())) return CONTINUE;
        if (word.toLowerCase(Locale.ROOT).matches("\\d")) return byNumber(word);
        // "let's carry on", "I need a break": the label or one of the choice's words inside what was typed
        List<Outbound.Choice> named = new java.util.ArrayList<>(choices(run));
        for (String choice : List.of(CONTINUE, PAUSE, STOP)) {
            parts.words().forms("care." + choice, run.locale()).forEach(f -> named.add(new Outbound.Choice(choice, f)));
        }
        return AnswerReader.matchOption(text.strip(), named);
    }

    private static String byNumber(String digit) {
        return switch (digit) {
            case "1" -> CONTINUE;
            case "2" -> PAUSE;
            case "3" -> STOP;
            default -> null;
        };
    }
}
