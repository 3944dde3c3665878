package dev.trellis.coaching.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.trellis.coaching.QuestionRotation;
import dev.trellis.coaching.Recap;
import dev.trellis.coaching.Reflection;
import dev.trellis.coaching.SmartCheck;
import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.flow.MessageBundle;

/** Actions that give flows the coaching techniques: reflection, recap, powerful questions, the SMART check. */
final class TechniqueActions {

    private TechniqueActions() {
    }

    /**
     * {@code reflect.paraphrase} with {@code text} (the person's answer): returns {@code text}, the person's key
     * words given back as a question to confirm. The frame varies with the request, and is the same when a turn
     * is re-applied.
     */
    @Component
    @ActionName("reflect.paraphrase")
    static final class Paraphrase implements ActionHandler {
        private final Reflection reflection = new Reflection();

        @Override
        public Map<String, Object> run(Request request) {
            Object text = request.args().get("text");
            return Map.of("text", reflection.reflect(text == null ? null : String.valueOf(text),
                    request.idempotencyKey().hashCode()));
        }
    }

    /**
     * {@code recap.summarise} with {@code items} (a list of {@code [label, value]} pairs) and optional
     * {@code heading}: returns {@code text}, one line per non-empty answer in the person's own words. A heading or
     * label that names a message ({@code grow.recap.goal}) is said in the person's locale; a heading's
     * {@code {{name}}} is filled from the argument of that name.
     */
    @Component
    @ActionName("recap.summarise")
    static final class Summarise implements ActionHandler {
        private final Recap recap = new Recap();
        private final CoachingTexts texts;

        Summarise(CoachingTexts texts) {
            this.texts = texts;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String locale = request.locale();
            String heading = in.optionalText("heading");
            Map<String, Object> values = new HashMap<>(request.args());
            values.keySet().removeAll(List.of("heading", "items"));
            values.replaceAll((name, value) -> value == null ? "" : value);
            List<Recap.Item> items = Recap.items(in.raw("items")).stream()
                    .map(item -> new Recap.Item(texts.localised(locale, item.label(), Map.of()), item.value()))
                    .toList();
            return Map.of("text", recap.summarise(heading == null ? texts.text(locale, "coaching.recap.heading", Map.of())
                    : texts.localised(locale, heading, values), items,
                    java.util.Locale.forLanguageTag(locale == null ? "en" : locale)));
        }
    }

    /**
     * {@code questions.next} with {@code topic} (a bank under {@code questions.<topic>} in the message files):
     * returns {@code text}, a powerful question this person has not heard last time, rotating week by week.
     */
    @Component
    @ActionName("questions.next")
    static final class NextQuestion implements ActionHandler {
        private final ObjectProvider<MessageBundle> messages;
        private final People people;
        private final AskedQuestions asked;
        private final QuestionRotation rotation = new QuestionRotation();

        NextQuestion(ObjectProvider<MessageBundle> messages, People people, AskedQuestions asked) {
            this.messages = messages;
            this.people = people;
            this.asked = asked;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String topic = in.text("topic");
            Person person = people.findById(in.personId()).orElseGet(() -> Person.unknown(in.personId(), in.now()));
            MessageBundle bundle = messages.getIfAvailable();
            List<String> bank = bundle == null ? List.of() : bundle.variants(request.locale(), "questions." + topic);
            String key = AskedQuestion.idOf(in.personId(), topic);
            AskedQuestion last = asked.findById(key).orElse(null);
            // A re-applied turn must draw the same question, so the one this very request stored does not count.
            String lastText = last == null ? null
                    : request.idempotencyKey().equals(last.requestKey()) ? last.previousText() : last.text();
            LocalDate today = in.now().atZone(ZoneId.of(person.timezone())).toLocalDate();
            QuestionRotation.Question question = rotation.pick(topic, bank, in.personId(), today, lastText);
            asked.save(new AskedQuestion(key, in.personId(), topic, question.text(), lastText,
                    request.idempotencyKey(), in.now()));
            return Map.of("text", question.text(), "topic", topic);
        }
    }

    /**
     * {@code smart.check} with {@code title}, optional {@code measure}, {@code due} (ISO date), {@code confidence}
     * (1–10): returns {@code ok}, and when not ok the first {@code gap} (e.g. {@code NO_MEASURE}), its SMART
     * {@code part} and the coaching {@code question}, plus all {@code gaps}.
     */
    @Component
    @ActionName("smart.check")
    static final class Check implements ActionHandler {
        private final People people;
        private final CoachingTexts texts;
        private final SmartCheck smart = new SmartCheck();

        Check(People people, CoachingTexts texts) {
            this.people = people;
            this.texts = texts;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            Person person = people.findById(in.personId()).orElseGet(() -> Person.unknown(in.personId(), in.now()));
            LocalDate today = in.now().atZone(ZoneId.of(person.timezone())).toLocalDate();
            SmartCheck.Result result = smart.check(in.optionalText("title"), in.optionalText("measure"),
                    in.optionalDate("due"), in.optionalInt("confidence"), today);
            if (result.smart()) {
                return Map.of("ok", true, "gap", "", "part", "", "question", "", "gaps", List.of());
            }
            SmartCheck.Gap first = result.next();
            return Map.of("ok", false, "gap", first.name(), "part", first.part().name(),
                    "question", texts.text(request.locale(), first.messageKey(), Map.of()),
                    "gaps", result.gaps().stream().map(Enum::name).toList());
        }
    }
}
