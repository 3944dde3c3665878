package dev.trellis.flow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds ask coaching to reach feelings, not only facts and plans: every coaching flow asks at least one question,
 * in English and in German, about how something feels (its own question, or a bank its rotating question draws from).
 */
class FlowFeelingsTest {

    /** The flows that coach; the others set things up (link, reminders, export, ...) or rate a session. */
    private static final List<String> COACHING = List.of("grow", "smart-goal", "goal-checkin", "career-wheel",
            "pinnacles-foothills", "development-plan", "career-plan", "peer-coaching", "feedback", "mentoring-prep",
            "tech-or-management", "career-conversation", "ask-feedback");
    private static final Map<String, Pattern> FEELING = Map.of(
            "en", Pattern.compile("(?i)\\b(feel|feels|feeling|felt|enjoy|energi[sz]|drain|frustrat|worr|excit|proud"
                    + "|glad|happy|satisf|stress)"),
            "de", Pattern.compile("(?i)(fühl|Gefühl|Freude|Spaß|stolz|zufrieden|Energie|frustr|Sorge|begeister|wie geht es dir)"));

    private final YamlMessageBundle messages = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));

    @Test
    void everyCoachingFlowAsksAboutFeelingsInEveryLanguage() throws IOException {
        Map<String, Flow> flows = FlowLengthTest.shippedFlows();
        assertThat(flows.keySet()).containsAll(COACHING);
        List<String> without = new ArrayList<>();
        for (String id : COACHING) {
            Flow flow = flows.get(id);
            for (Map.Entry<String, Pattern> language : FEELING.entrySet()) {
                List<String> asked = new ArrayList<>();
                for (Step step : flow.steps()) {
                    if (!step.waitsForAnswer()) continue;
                    for (Text text : StepGraph.texts(step)) {
                        asked.addAll(text.isMessage() ? messages.variants(language.getKey(), text.messageKey())
                                : List.of(text.template()));
                    }
                }
                for (Step step : flow.steps()) {
                    if (step.kind() instanceof StepKind.Action a) asked.addAll(bank(language.getKey(), a));
                }
                if (asked.stream().noneMatch(q -> language.getValue().matcher(q).find())) {
                    without.add(id + " (" + language.getKey() + ")");
                }
            }
        }
        assertThat(without).as("coaching flows that never ask how something feels").isEmpty();
    }

    /** The questions a rotating question ({@code questions.next} with a topic) may draw. */
    private List<String> bank(String locale, StepKind.Action action) {
        if (!"questions.next".equals(action.name()) || !action.with().containsKey("topic")) return List.of();
        String topic = action.with().get("topic").source().replace("'", "").strip();
        return messages.variants(locale, "questions." + topic);
    }
}
