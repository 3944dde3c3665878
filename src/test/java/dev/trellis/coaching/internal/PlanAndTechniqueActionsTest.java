package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.trellis.flow.MessageBundle;

class PlanAndTechniqueActionsTest {

    private final CoachingStore store = new CoachingStore();
    private final Plans plans = store.repository(Plans.class);
    private final People people = store.repository(People.class);
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void activitiesOfTheKindsTheLiteratureNamesGoIntoThePlanOnce() throws Exception {
        var add = new PlanActions.AddActivity(plans);
        var shadow = store.request("p1", Map.of("kind", "shadowing", "description", "Shadow the SRE on call",
                "targetDate", "2027-02-01"), now);
        add.run(shadow);
        add.run(shadow);
        add.run(store.request("p1", Map.of("kind", "stretch-project", "description", "Lead the Q1 migration"), now));

        assertThat(plans.findById("p1").orElseThrow().activities()).extracting(DevelopmentPlan.Activity::kind)
                .containsExactly(DevelopmentPlan.Kind.SHADOWING, DevelopmentPlan.Kind.STRETCH_PROJECT);
        assertThatThrownBy(() -> add.run(store.request("p1", Map.of("kind", "nap", "description", "x"), now)))
                .hasMessageContaining("nap");
    }

    @Test
    void smartCheckReturnsTheFirstGapAndItsQuestion() throws Exception {
        var check = new TechniqueActions.Check(people, CoachingTextsTest.english());

        assertThat(check.run(store.request("p1", Map.of("title", "Get better at stuff", "due", "2026-01-01"), now)))
                .containsEntry("ok", false).containsEntry("gap", "VAGUE")
                .containsEntry("gaps", List.of("VAGUE", "NO_MEASURE", "DATE_IN_PAST"));
        assertThat(check.run(store.request("p1", Map.of("title", "Give two talks at meetups", "due", "2027-01-01"), now)))
                .containsEntry("ok", true);
    }

    @Test
    void nextQuestionComesFromTheBankAndIsNotTheOneAskedLastTime() throws Exception {
        List<String> bank = List.of("What do you want?", "What would success look like?", "What matters most?");
        MessageBundle bundle = (locale, key) -> key.equals("questions.goal") ? bank : List.of();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("messages", bundle));
        var next = new TechniqueActions.NextQuestion(beans.getBeanProvider(MessageBundle.class), people,
                store.repository(AskedQuestions.class));

        var request = store.request("p1", Map.of("topic", "goal"), now);
        String first = (String) next.run(request).get("text");
        String reapplied = (String) next.run(request).get("text");
        String second = (String) next.run(store.request("p1", Map.of("topic", "goal"), now)).get("text");

        assertThat(bank).contains(first);
        assertThat(reapplied).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void paraphraseGivesTheWordsBack() throws Exception {
        assertThat(new TechniqueActions.Paraphrase().run(store.request("p1", Map.of("text", "I need more focus time"), now))
                .get("text")).asString().contains("you need more focus time");
    }
}
