package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void zeroWidthSpacesJoinersAndByteOrderMarksAloneAreBlank() {
        assertThat(TypedText.isBlank("\u200B\u200D\uFEFF \u2060\u00AD")).isTrue();
        assertThat(TypedText.isBlank("\u200Bhi")).isFalse();
        assertThat(TypedText.isBlank(null)).isTrue();
    }

    @Test
    void bidiOverridesAreTakenOutSoAnAnswerReadsAsItIsStored() {
        // "Trojan Source": the override would show "noitomorp" reversed on screen
        assertThat(TypedText.clean("I want a \u202Enoitomorp\u202C soon")).isEqualTo("I want a noitomorp soon");
        assertThat(TypedText.clean("\u2066isolated\u2069 \u200Fmark")).isEqualTo("isolated mark");
    }

    @Test
    void controlCharactersGoLineBreaksAndTabsStay() {
        assertThat(TypedText.clean("one\u0007\u001B[31m two\r\nthree\tfour\rfive"))
                .isEqualTo("one[31m two\nthree\tfour\nfive");
    }

    @Test
    void emojiMadeOfJoinedPicturesKeepsItsJoiner() {
        String technologist = "\uD83D\uDC69\u200D\uD83D\uDCBB"; // 👩‍💻
        assertThat(TypedText.clean("proud " + technologist)).isEqualTo("proud " + technologist);
        assertThat(TypedText.clean("a\u200Db")).isEqualTo("ab");
    }

    @Test
    void everydayTextIsReturnedAsItIs() {
        String text = "Ich möchte sichtbarer werden — 8/10 👍";
        assertThat(TypedText.clean(text)).isSameAs(text);
    }

    @Test
    void typedAnswersReachTheEngineCleaned() {
        assertThat(new Event.Said("yes\u200B").text()).isEqualTo("yes");
        assertThat(Inbound.message("web", "e1", "web", "u1", "u1", "\u202Ehi", java.time.Instant.EPOCH).text())
                .isEqualTo("hi");
    }
}
