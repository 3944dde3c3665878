package dev.trellis.flow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coaching question asks one thing at a time: two questions at once leave the person answering the second and
 * forgetting the first. Every text Trellis says (each message variant in English and German, each text written in a
 * flow file) is checked for the two shapes of a double question: two question marks in one message ("How will you
 * know? What could you count?"), or one question that goes on with "and"/"or" plus a second question word ("what
 * you do and how?", "where are you stuck, or where ...?", "und wie ...?"). A choice between answers ("done, partly,
 * or not yet?") is one question; a question quoted for someone else to ask counts once, by its own marks.
 */
class FlowOneQuestionTest {

    private static final List<String> LOCALES = List.of("en", "de");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]");
    private static final Pattern QUESTION = Pattern.compile("[^.?!]*\\?");
    /** A conjunction inside a question (not its first word) followed by a second question word. */
    private static final Pattern SECOND_QUESTION = Pattern.compile("(?i)\\S\\s+(and|or|und|oder)\\s+(by\\s+|bis\\s+)?"
            + "(what|how|why|who|whom|when|where|which|was|wie|warum|wieso|wozu|wer|wen|wem|wann|wo|woran|wohin|welche\\w*)\\b");

    private final YamlMessageBundle messages = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));

    @Test
    void noTextAsksTwoQuestionsAtOnce() throws IOException {
        List<String> double_ = new ArrayList<>();
        for (String locale : LOCALES) {
            for (String key : messages.keys(locale).stream().sorted().toList()) {
                for (String text : messages.variants(locale, key)) {
                    twoQuestions(text).ifPresent(why -> double_.add(locale + " " + key + ": " + text + " (" + why + ")"));
                }
            }
        }
        List<Flow> flows = FlowLengthTest.shippedFlows().values().stream().sorted(Comparator.comparing(Flow::id)).toList();
        for (Flow flow : flows) {
            for (Step step : flow.steps()) {
                for (Text text : StepGraph.texts(step)) {
                    if (text.isMessage()) continue;
                    twoQuestions(text.template()).ifPresent(why ->
                            double_.add(flow.id() + "/" + step.id() + ": " + text.template() + " (" + why + ")"));
                }
            }
        }
        assertThat(double_).as("texts that ask two things at once").isEmpty();
    }

    @Test
    void theRulesTellADoubleQuestionFromOneQuestion() {
        assertThat(twoQuestions("How will you know you've achieved it? What could you count, see or show?")).isPresent();
        assertThat(twoQuestions("*Autonomy*: how much say do you have in what you do and how?")).isPresent();
        assertThat(twoQuestions("Where are you stuck, or where could you use support?")).isPresent();
        assertThat(twoQuestions("Ask: \"What will you do next, and by when?\" What did they choose?")).isPresent();
        assertThat(twoQuestions("Wie zufrieden bist du mit dem, was du lernst, und wie du dich entwickelst?")).isPresent();
        assertThat(twoQuestions("What support could you offer? Training, a stretch project, mentoring?")).isPresent();

        assertThat(twoQuestions("Last time you planned *X* by Friday: done, partly, or not yet?")).isEmpty();
        assertThat(twoQuestions("And how does that feel for you?")).isEmpty();
        assertThat(twoQuestions("Which roles or paths, here or elsewhere, interest you?")).isEmpty();
        assertThat(twoQuestions("So, in your words: \"{{reflection}}\". Did I get that right?")).isEmpty();
        assertThat(twoQuestions("What exactly will you do? For example which course, or which project.")).isEmpty();
    }

    /** Why the text asks two things at once, if it does. */
    static Optional<String> twoQuestions(String text) {
        String unquoted = QUOTED.matcher(text).replaceAll("");
        if (unquoted.chars().filter(c -> c == '?').count() > 1) return Optional.of("two question marks");
        Matcher question = QUESTION.matcher(text);
        while (question.find()) {
            Matcher second = SECOND_QUESTION.matcher(question.group().strip());
            if (second.find()) return Optional.of("a second question after '" + second.group(1) + "'");
        }
        return Optional.empty();
    }
}
