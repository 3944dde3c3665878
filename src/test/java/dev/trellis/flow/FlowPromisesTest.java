package dev.trellis.flow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line a flow says is true: a promise to come back ("I'll remind you", "I'll check in", "erinnere ich dich")
 * is only said by a flow that sets a timer, and no line says the product lacks reminders (it has them).
 */
class FlowPromisesTest {

    private static final List<String> LOCALES = List.of("en", "de");
    /** Actions that set timers themselves: a 1:1 series sets the preparation, nudge and after-meeting reminders. */
    private static final java.util.Set<String> TIMER_ACTIONS = java.util.Set.of("oneOnOne.setSeries");

    /** Trellis saying it will come back to the person, in English and German. */
    private static final Pattern COMES_BACK = Pattern.compile("(?i)\\bI'll (remind|check in|ask you|follow up|come back"
            + "|nudge|send you)|\\b(erinnere ich dich|melde ich mich|frage ich dich)");
    private static final Pattern NO_REMINDERS = Pattern.compile("(?i)don't send reminders|schicke ich .*noch nicht");

    private final YamlMessageBundle messages = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));

    @Test
    void onlyAFlowThatSetsATimerPromisesToComeBackAndNoLineDeniesReminders() throws IOException {
        List<String> untrue = new ArrayList<>();
        List<Flow> flows = FlowLengthTest.shippedFlows().values().stream().sorted(Comparator.comparing(Flow::id)).toList();
        for (Flow flow : flows) {
            boolean setsTimer = flow.steps().stream().anyMatch(s -> s.kind() instanceof StepKind.Schedule
                    || s.kind() instanceof StepKind.Action a && TIMER_ACTIONS.contains(a.name()));
            for (Step step : flow.steps()) {
                for (Text text : StepGraph.texts(step)) {
                    for (String locale : LOCALES) {
                        for (String said : text.isMessage() ? messages.variants(locale, text.messageKey())
                                : List.of(text.template())) {
                            String at = flow.id() + "/" + step.id() + " (" + locale + "): " + said;
                            if (COMES_BACK.matcher(said).find() && !setsTimer) untrue.add(at + " — but sets no timer");
                            if (NO_REMINDERS.matcher(said).find()) untrue.add(at + " — but reminders exist");
                        }
                    }
                }
            }
        }
        assertThat(untrue).isEmpty();
    }

    @Test
    void thePatternsCatchThePromisesTheyAreFor() {
        assertThat(COMES_BACK.matcher("I'll remind you on Friday to follow up.").find()).isTrue();
        assertThat(COMES_BACK.matcher("In 3 Monaten erinnere ich dich daran.").find()).isTrue();
        assertThat(COMES_BACK.matcher("Come back to it any time with *grow*.").find()).isFalse();
        assertThat(NO_REMINDERS.matcher("I don't send reminders yet, so put it in your calendar.").find()).isTrue();
    }
}
