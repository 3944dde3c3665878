package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedReplyTest {

    private final TypedReply replies = new TypedReply(
            List.of("yes", "y", "yeah", "yep", "sure", "ok", "correct", "right", "that's it", "that's right", "exactly",
                    "spot on", "absolutely", "👍"),
            List.of("yes", "yeah", "yep", "exactly", "spot on", "absolutely", "that's it", "👍"),
            List.of("no", "nope", "not quite", "not really"),
            List.of("but", "though", "and", "also"));

    @ParameterizedTest
    @ValueSource(strings = {"yes exactly", "Yep, that's it!", "spot on", "👍", "Yes!", "exactly right", "yes 👍",
            "That’s it", "right.", "absolutely, spot on"})
    void confirmationsTypedInWordsAreAYes(String typed) {
        assertThat(replies.read(typed)).isEqualTo(new TypedReply.Reading.Yes(""));
    }

    @Test
    void aYesWithMoreWordsKeepsThemAsAnAddition() {
        assertThat(replies.read("yes, but more about visibility"))
                .isEqualTo(new TypedReply.Reading.Yes("more about visibility"));
        assertThat(replies.read("Exactly. And I want my manager to notice"))
                .isEqualTo(new TypedReply.Reading.Yes("I want my manager to notice"));
        assertThat(replies.read("yep though mostly with senior people"))
                .isEqualTo(new TypedReply.Reading.Yes("mostly with senior people"));
    }

    @Test
    void aNoWithWordsAfterItIsACorrection() {
        assertThat(replies.read("not quite")).isEqualTo(new TypedReply.Reading.No(""));
        assertThat(replies.read("No, it's more about being seen by leadership"))
                .isEqualTo(new TypedReply.Reading.No("it's more about being seen by leadership"));
    }

    @Test
    void wordsThatOnlySoundLikeAYesAreThePersonsOwnWords() {
        assertThat(replies.read("right now I mostly want fewer meetings")).isEqualTo(new TypedReply.Reading.Other());
        assertThat(replies.read("sure footed leadership")).isEqualTo(new TypedReply.Reading.Other());
        assertThat(replies.read("nothing really")).isEqualTo(new TypedReply.Reading.Other());
        assertThat(replies.read("okay-ish, more about time")).isEqualTo(new TypedReply.Reading.Other());
        assertThat(replies.read("I'd rather put it as growing my team")).isEqualTo(new TypedReply.Reading.Other());
    }
}
