package dev.trellis.engine;

import dev.trellis.flow.Step;
import dev.trellis.flow.StepKind;

import java.util.List;
import java.util.Map;

/**
 * Takes a person's answer to the open question: reads and checks it, saves it and moves on, offers a reflection of
 * their words when the step asks for one, or explains what was wrong and asks again within the retry limit.
 */
final class Answering {

    private final EngineParts parts;
    private final Care care;

    Answering(EngineParts parts) {
        this.parts = parts;
        this.care = new Care(parts);
    }

    /** The person answered the open question: the step's own, a reflection of it, a probe or the care choice. */
    Turn answer(TurnRun run, AnswerReader.Input input) {
        Step step = run.walk.currentStep();
        OpenQuestion open = run.question;
        if (open instanceof OpenQuestion.ReflectConfirm) return reflectReply(run, step, input);
        if (open instanceof OpenQuestion.Care) return care.reply(run, step, input);
        // the answer to a probe ("if you had to guess?") is taken as it is: reflecting it again would nag
        boolean probed = open instanceof OpenQuestion.Probe;
        if (!probed && !(open instanceof OpenQuestion.Step)) {
            throw new IllegalStateException("not a step's question: " + (open == null ? null : open.getClass()));
        }
        if (!probed && step.kind() instanceof StepKind.Confirm confirm && confirm.ownWords() != null
                && !input.clicked()) {
            String own = ownWords(run, confirm, input.single());
            if (own != null) return answerInOwnWords(run, step, confirm, input.single(), own);
        }
        Answer answer = read(run, step, input);
        if (answer instanceof Answer.Valid valid) return accept(run, step, valid, !probed);
        return retry(run, step, (Answer.Invalid) answer);
    }

    /**
     * The person's own words typed to a yes/no that takes them ("ship the API docs", "no, rather: ship the API
     * docs"), or null for a plain yes, a plain no, a button label, or too little to be an answer ("k").
     */
    private String ownWords(TurnRun run, StepKind.Confirm confirm, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.equalsIgnoreCase(Questions.yesLabel(run, confirm)) || text.equalsIgnoreCase(Questions.noLabel(run, confirm))) {
            return null;
        }
        TypedReply.Reading reading = parts.words().replies(run.locale()).read(text);
        String own;
        if (reading instanceof TypedReply.Reading.Yes) return null;
        else if (reading instanceof TypedReply.Reading.No no) own = no.correction();
        else if (reading instanceof TypedReply.Reading.Other) own = text;
        else throw new IllegalStateException("unknown reading " + reading);
        own = parts.words().withoutLeadIn(own, run.locale());
        // one letter is too little to be anyone's words ("k"); two may be a name ("Jo"), and the asked step checks more
        return own.codePointCount(0, own.length()) < 2 ? null : own;
    }

    /**
     * Own words instead of a yes or a no: this step's answer is no (saved as false), and the words answer the step
     * it names, as if the person had said no and then typed them there; that step's checks, care and listening apply.
     */
    private Turn answerInOwnWords(TurnRun run, Step step, StepKind.Confirm confirm, String typed, String own) {
        run.walk.rememberForBack();
        if (step.save() != null) run.vars.put(step.save(), false);
        run.attempts = 0;
        run.answered(typed.strip());
        Step asked = run.flow.step(confirm.ownWords()).orElseThrow(() -> new IllegalStateException(
                "flow '" + run.flowId + "' has no step '" + confirm.ownWords() + "'"));
        run.stepId = asked.id();
        run.question = new OpenQuestion.Step(run.turn + "." + asked.id());
        run.visited.add(run.flowId + "/" + asked.id());
        Answer answer = read(run, asked, new AnswerReader.Input(own, List.of()));
        if (answer instanceof Answer.Valid valid) return accept(run, asked, valid, true);
        return retry(run, asked, (Answer.Invalid) answer);
    }

    private Answer read(TurnRun run, Step step, AnswerReader.Input input) {
        AnswerReader reader = parts.reader();
        StepKind kind = step.kind();
        if (kind instanceof StepKind.Ask ask) {
            return reader.ask(ask, input, run.activation(), run.zone(), run.today(), run.locale());
        }
        if (kind instanceof StepKind.Choice choice) {
            return reader.choice(choice, input, Questions.offeredChoices(run), Questions.offeredValues(run));
        }
        if (kind instanceof StepKind.Scale scale) return reader.scale(scale, input, run.locale());
        if (kind instanceof StepKind.Share share) kind = share.asConfirm();
        if (kind instanceof StepKind.Confirm confirm) {
            return reader.confirm(input, Questions.yesLabel(run, confirm), Questions.noLabel(run, confirm), run.locale());
        }
        throw new IllegalStateException("step '" + step.id() + "' does not take answers");
    }

    private Turn accept(TurnRun run, Step step, Answer.Valid valid, boolean mayReflect) {
        if (mayReflect) run.walk.rememberForBack();
        if (step.save() != null) run.vars.put(step.save(), valid.value());
        if (step.kind() instanceof StepKind.Share share && Boolean.TRUE.equals(valid.value())) share(run, share);
        run.vars.remove(TurnRun.OPTIONS_VAR);
        run.attempts = 0;
        boolean typedQuestion = step.kind() instanceof StepKind.Ask a && a.type() != StepKind.AnswerType.DATE;
        if (!typedQuestion) run.answered(valid.display());
        if (step.kind() instanceof StepKind.Ask ask && ask.type() == StepKind.AnswerType.TEXT
                && valid.value() instanceof String said) {
            // words of distress are met with care, never paraphrased back
            if (care.offer(run, said)) return run.result();
            if (mayReflect && ask.reflect() == StepKind.Reflect.CONFIRM) {
                offerReflection(run, said, ask.about());
                return run.result();
            }
            if (mayReflect && ask.reflect() == StepKind.Reflect.ACKNOWLEDGE && acknowledge(run, said, ask)) {
                return run.result();
            }
        }
        run.question = null;
        run.walk.runFrom(run.walk.after(step));
        return run.result();
    }

    /**
     * A yes to a share step: the consent, with this moment, goes out as an effect of the turn (stored with it, so it
     * is recorded even after a crash). Only the items' ids leave the conversation, never their text.
     */
    private static void share(TurnRun run, StepKind.Share share) {
        Map<String, Object> scope = run.activation();
        List<String> items = new java.util.ArrayList<>();
        for (StepKind.Share.Item item : share.items()) {
            Object id = item.id().evaluate(scope);
            if (id != null && !String.valueOf(id).isBlank()) items.add(item.kind() + ":" + id);
        }
        if (!items.isEmpty()) run.effects.add(new Turn.Effect.Shared(share.audience(), items, run.now()));
    }

    /** Says the paraphrase and goes on; returns true when a probe was asked instead (the walk waits for it). */
    private boolean acknowledge(TurnRun run, String said, StepKind.Ask ask) {
        Reflector.Reply reply = parts.reflector().reflect(said, run.locale(), ask.about(), run.turn);
        if (reply != null && reply.probe()) {
            probe(run, reply);
            return true;
        }
        run.say(reply != null ? reply.statement() : run.message("trellis.reflect.noted", Map.of()));
        return false;
    }

    private void probe(TurnRun run, Reflector.Reply reply) {
        run.question = new OpenQuestion.Probe(OpenQuestion.engineControl(run.turn, "probe"));
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.QUESTION, reply.text(), List.of(), false, null, null,
                null, null, run.question.controlId(), null));
    }

    private void offerReflection(TurnRun run, String said, String about) {
        Reflector.Reply reply = parts.reflector().reflect(said, run.locale(), about, run.turn);
        if (reply != null && reply.probe()) {
            probe(run, reply);
            return;
        }
        String reflection = reply != null ? reply.text()
                : run.message("trellis.reflect.check", Map.of("reflection", said));
        run.askYesNo(new OpenQuestion.ReflectConfirm(OpenQuestion.engineControl(run.turn, "reflect")), reflection,
                "trellis.reflect.yes", "trellis.reflect.no");
    }

    private Turn reflectReply(TurnRun run, Step step, AnswerReader.Input input) {
        if (input.clicked()) {
            String clicked = input.single();
            if (clicked.equals("yes")) return agreed(run, step, run.message("trellis.reflect.yes", Map.of()), "");
            if (clicked.equals("no")) return rephrase(run, step, run.message("trellis.reflect.no", Map.of()));
            run.notice("trellis.stale");
            return run.rejected("unknown reflection reply");
        }
        TypedReply.Reading typed = parts.words().replies(run.locale()).read(input.text());
        if (typed instanceof TypedReply.Reading.Yes yes) return agreed(run, step, input.text().strip(), yes.addition());
        if (typed instanceof TypedReply.Reading.No no && no.correction().isEmpty()) {
            return rephrase(run, step, input.text().strip());
        }
        // Anything else typed, or a "no" with words after it, is the person putting it their own way: their answer.
        // "no wait, mentoring Sara": the lead-in that only says "instead" is not part of the answer
        String own = typed instanceof TypedReply.Reading.No no
                ? parts.words().withoutLeadIn(no.correction(), run.locale()) : input.text();
        Answer corrected = read(run, step, new AnswerReader.Input(own, List.of()));
        if (corrected instanceof Answer.Valid valid) {
            run.answered(input.text().strip());
            if (step.save() != null) run.vars.put(step.save(), valid.value());
            if (valid.value() instanceof String said && care.offer(run, said)) return run.result();
            run.sayMessage("trellis.reflect.thanks", Map.of());
            run.question = null;
            run.walk.runFrom(run.walk.after(step));
            return run.result();
        }
        return retry(run, step, (Answer.Invalid) corrected);
    }

    /** "Not quite": the person is asked to put it their own way, and the question is asked again. */
    private Turn rephrase(TurnRun run, Step step, String display) {
        run.answered(display);
        if (!run.history.isEmpty()) run.history.remove(run.history.size() - 1);
        run.sayMessage("trellis.reflect.correct", Map.of());
        run.walk.ask(step);
        return run.result();
    }

    /** "Yes exactly" goes on; "yes, but more about visibility" keeps the addition with the answer it adds to. */
    private Turn agreed(TurnRun run, Step step, String display, String addition) {
        run.answered(display);
        if (!addition.isEmpty() && step.save() != null && run.vars.get(step.save()) instanceof String said) {
            run.vars.put(step.save(), said + " — " + addition);
        }
        run.question = null;
        run.walk.runFrom(run.walk.after(step));
        return run.result();
    }

    private Turn retry(TurnRun run, Step step, Answer.Invalid invalid) {
        run.attempts++;
        var retry = FlowWalk.retryOf(step);
        if (run.attempts > retry.max() && retry.then() != null) {
            run.attempts = 0;
            run.vars.remove(TurnRun.OPTIONS_VAR);
            run.sayMessage("trellis.retry.moveOn", Map.of());
            run.walk.runFrom(retry.then());
            return run.result();
        }
        if (step.kind() instanceof StepKind.Ask ask && ask.validate() != null && ask.validate().message() != null) {
            run.sayText(ask.validate().message(), invalid.args());
        } else {
            run.sayMessage("trellis.retry." + invalid.messageKey(), invalid.args());
        }
        run.walk.askAgain();
        run.outcome = new Turn.Outcome.Retried(step.id(), run.attempts);
        return run.result();
    }
}
