package dev.trellis.channel.slack;

import com.slack.api.model.block.SectionBlock;
import dev.trellis.engine.Outbound;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockKitRendererTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void longRecapIsSplitIntoSectionsSlackAccepts() {
        String answer = "We keep postponing the retro because release week is always busy. ".repeat(100);
        Outbound recap = Outbound.text("m1", "Here's what I heard. " + answer);

        BlockKitRenderer.Rendered rendered = renderer.render(recap);

        List<String> sections = rendered.blocks().stream().map(b -> ((SectionBlock) b).getText().getText()).toList();
        assertThat(sections).hasSizeGreaterThan(2)
                .allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join(" ", sections).replaceAll("\\s+", " ").strip())
                .isEqualTo(("Here's what I heard. " + answer).strip().replaceAll("\\s+", " "));
    }

    @Test
    void slackMarkupAPersonTypedIsShownAsTextNeverPingsOrLinks() {
        String said = "You said: \"<!channel> ask <@U0BOSS> about <https://evil.example|your review> & more\"";

        BlockKitRenderer.Rendered rendered = renderer.render(Outbound.text("m1", said));

        String section = ((SectionBlock) rendered.blocks().get(0)).getText().getText();
        for (String shown : List.of(section, rendered.fallback())) {
            assertThat(shown).doesNotContain("<!channel>", "<@U0BOSS>", "<https://")
                    .contains("&lt;!channel&gt;", "&lt;@U0BOSS&gt;", "&amp; more");
        }
    }

    @Test
    void shortTextStaysOneSection() {
        assertThat(renderer.render(Outbound.text("m1", "Thanks for the conversation.")).blocks()).hasSize(1);
    }

    @Test
    void dateQuestionOffersQuickRepliesBesideThePicker() throws Exception {
        Outbound when = new Outbound("m1", Outbound.Kind.DATE, "By when will you have done it?",
                List.of(new Outbound.Choice("2026-12-04", "This Friday"), new Outbound.Choice("2026-12-16", "In 2 weeks")),
                false, null, null, null, null, "3.when", null);

        String json = com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(renderer.render(when).blocks());

        assertThat(json).contains("\"type\":\"button\"").contains("\"value\":\"2026-12-04\"")
                .contains("This Friday").contains("In 2 weeks").contains("\"type\":\"datepicker\"");
        assertThat(json.indexOf("This Friday")).isLessThan(json.indexOf("datepicker"));
    }

    @Test
    void theDatePickersPlaceholderIsTheOneTheQuestionCarries() {
        Outbound when = new Outbound("m1", Outbound.Kind.DATE, "Bis wann?", List.of(), false, null, null,
                "Datum wählen", null, "3.when", null);

        String json = com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(renderer.render(when).blocks());

        assertThat(json).contains("\"type\":\"datepicker\"").contains("Datum wählen").doesNotContain("Pick a date");
    }

    private static final dev.trellis.flow.YamlMessageBundle MESSAGES =
            dev.trellis.flow.YamlMessageBundle.load(java.nio.file.Path.of("conversation-flows", "messages"));

    /** Each person's words as the channel finds them: from their person data's locale, through the message files. */
    private static ControlWords wordsOf(String personId) {
        dev.trellis.engine.PersonContext people = (channel, id) -> java.util.Map.of("person",
                java.util.Map.of("locale", "person-de".equals(id) ? "de" : "en"));
        return ControlWords.ofPeople(people, MESSAGES).apply(personId);
    }

    private static List<Outbound.Choice> options(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Outbound.Choice("o" + i, "Option " + i)).toList();
    }

    private String json(Outbound message, ControlWords words) {
        return com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(renderer.render(message, words).blocks());
    }

    @Test
    void aGermanPersonFinishesCheckboxesWithFertigAndPicksFromALongListWithAuswaehlen() {
        Outbound checkboxes = new Outbound("m1", Outbound.Kind.CHOICE, "Was trifft zu?", options(3), true, null, null,
                null, null, "4.which", null);
        Outbound longList = new Outbound("m2", Outbound.Kind.CHOICE, "Welcher Bereich?", options(8), false, null,
                null, null, null, "5.area", null);

        assertThat(BlockKitRenderer.needsWords(checkboxes)).isTrue();
        assertThat(json(checkboxes, wordsOf("person-de"))).contains("\"text\":\"Fertig\"").doesNotContain("Done");
        assertThat(json(longList, wordsOf("person-de"))).contains("\"text\":\"Auswählen…\"")
                .doesNotContain("Choose");
    }

    @Test
    void anEnglishPersonAndAMessageRenderedWithoutAPersonKeepDoneAndChoose() {
        Outbound checkboxes = new Outbound("m1", Outbound.Kind.CHOICE, "Which apply?", options(3), true, null, null,
                null, null, "4.which", null);
        Outbound longList = new Outbound("m2", Outbound.Kind.CHOICE, "Which area?", options(8), false, null,
                null, null, null, "5.area", null);

        for (ControlWords words : List.of(wordsOf("person-en"), wordsOf(null), ControlWords.ENGLISH)) {
            assertThat(json(checkboxes, words)).contains("\"text\":\"Done\"");
            assertThat(json(longList, words)).contains("\"text\":\"Choose…\"");
        }
        assertThat(json(checkboxes, ControlWords.ENGLISH)).isEqualTo(
                com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(renderer.render(checkboxes).blocks()));
    }

    @Test
    void aGermanInviteeIsAskedInGermanToAnnehmenOrAblehnenAPeerSession() {
        String de = com.slack.api.util.json.GsonFactory.createSnakeCase()
                .toJson(PeerInvitations.invitationBlocks("inv1", "U0SAM", new PeerTexts(MESSAGES, "de")));
        String en = com.slack.api.util.json.GsonFactory.createSnakeCase()
                .toJson(PeerInvitations.invitationBlocks("inv1", "U0SAM", new PeerTexts(MESSAGES, null)));

        assertThat(de).contains("\"text\":\"Annehmen\"", "\"text\":\"Ablehnen\"")
                .contains("@U0SAM\\u003e lädt dich zu einer Peer-Coaching-Session ein").doesNotContain("Accept", "Decline")
                .doesNotContain("invites you");
        assertThat(en).contains("\"text\":\"Accept\"", "\"text\":\"Decline\"")
                .contains("@U0SAM\\u003e invites you to a peer-coaching session: a guided conversation");
    }

    @Test
    void eachOfThePeerInvitationsSentencesIsSaidInTheReadersLanguageWithBothMentions() {
        PeerTexts de = new PeerTexts(MESSAGES, "de");
        PeerTexts en = new PeerTexts(MESSAGES, "en");

        assertThat(de.say("asked", "U1", "U2")).startsWith("Ich habe <@U2> gefragt");
        assertThat(en.say("asked", "U1", "U2")).startsWith("I've asked <@U2> whether");
        assertThat(de.say("theyDeclined", "U1", "U2")).isEqualTo("<@U2> hat deine Peer-Coaching-Einladung abgelehnt.");
        assertThat(en.say("youAccepted", "U1", "U2")).isEqualTo("You accepted <@U1>'s peer-coaching invitation.");
        assertThat(de.say("whom", "U1", null)).startsWith("Wen soll ich einladen?");
        for (String key : java.util.List.of("whom", "takesTwo", "asked", "invites", "invitation", "youAccepted",
                "youDeclined", "theyAccepted", "theyDeclined")) {
            assertThat(de.say(key, "U1", "U2")).as(key).doesNotContain("{").isNotEqualTo(en.say(key, "U1", "U2"));
        }
    }
}
