package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.trellis.coaching.ProgressReaction;
import dev.trellis.coaching.SmartCheck;
import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.YamlMessageBundle;

class CoachingTextsTest {

    /** The texts from the shipped English message file. */
    static CoachingTexts english() {
        MessageBundle bundle = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));
        return new CoachingTexts(new StaticListableBeanFactory(Map.of("messages", bundle))
                .getBeanProvider(MessageBundle.class));
    }

    private final CoachingTexts texts = english();

    @Test
    void everySmartGapHasAnOpenFollowUpQuestion() {
        for (SmartCheck.Gap gap : SmartCheck.Gap.values()) {
            assertThat(texts.text("en", gap.messageKey(), Map.of())).as(gap.name()).endsWith("?");
        }
    }

    @Test
    void progressReactionsNameTheFiguresAndAskAboutThem() {
        ProgressReaction reactions = new ProgressReaction();

        assertThat(say(reactions.react(List.of(2, 4), 6)))
                .isEqualTo("Up from 4 to 6 — that's real movement. What made the difference?");
        assertThat(say(reactions.react(List.of(3, 5), 5))).contains("same as last time").contains("make it a 6?");
        assertThat(say(reactions.react(List.of(5, 5, 5), 5))).contains("4 check-ins in a row");
        assertThat(say(reactions.react(List.of(6), 4))).contains("What got in the way?");
        assertThat(say(reactions.react(List.of(), 3))).contains("starting from 3");
        assertThat(say(reactions.react(List.of(8), 10))).contains("you did it");
    }

    @Test
    void aMissingMessageIsADeploymentErrorNamingTheKey() {
        assertThatThrownBy(() -> texts.text("en", "coaching.nope", Map.of())).hasMessageContaining("coaching.nope");
    }

    private String say(ProgressReaction.Reaction reaction) {
        return texts.text("en", reaction.messageKey(), reaction.values());
    }
}
