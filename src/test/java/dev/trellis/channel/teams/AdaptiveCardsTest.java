package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import dev.trellis.engine.Outbound;

/** The exact Teams activity for each kind of message the engine sends. */
class AdaptiveCardsTest {

    private static final String CARD = """
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
             "content":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
                        "version":"1.5",%s}}]}""";
    private final AdaptiveCards cards = new AdaptiveCards();

    @Test
    void textIsAPlainTextMessage() throws Exception {
        assertActivity(Outbound.text("1", "Hi <b>there</b> & welcome"),
                "{\"type\":\"message\",\"text\":\"Hi <b>there</b> & welcome\",\"textFormat\":\"plain\"}");
    }

    @Test
    void fewChoicesAreSubmitButtonsNamingTheControl() throws Exception {
        Outbound choice = new Outbound("2", Outbound.Kind.CHOICE, "What next?",
                List.of(new Outbound.Choice("grow", "A GROW session"), new Outbound.Choice("stop", "Stop")),
                false, null, null, null, null, "c-7", null);
        assertActivity(choice, CARD.formatted("""
                "body":[{"type":"TextBlock","text":"What next?","wrap":true}],
                "actions":[{"type":"Action.Submit","title":"A GROW session","data":{"trellis":"c-7","answer":"grow"}},
                           {"type":"Action.Submit","title":"Stop","data":{"trellis":"c-7","answer":"stop"}}]"""));
    }

    @Test
    void manyChoicesAreADropDownWithASendButton() throws Exception {
        List<Outbound.Choice> six = List.of(new Outbound.Choice("a", "A"), new Outbound.Choice("b", "B"),
                new Outbound.Choice("c", "C"), new Outbound.Choice("d", "D"), new Outbound.Choice("e", "E"),
                new Outbound.Choice("f", "F"));
        assertActivity(new Outbound("3", Outbound.Kind.CHOICE, "Pick one", six, false, null, null, null, null, "c-8",
                null), CARD.formatted("""
                "body":[{"type":"TextBlock","text":"Pick one","wrap":true},
                        {"type":"Input.ChoiceSet","id":"answer","style":"compact","placeholder":"Choose…",
                         "choices":[{"title":"A","value":"a"},{"title":"B","value":"b"},{"title":"C","value":"c"},
                                    {"title":"D","value":"d"},{"title":"E","value":"e"},{"title":"F","value":"f"}]}],
                "actions":[{"type":"Action.Submit","title":"Send","data":{"trellis":"c-8"}}]"""));
    }

    @Test
    void multipleChoiceIsCheckboxesWithDone() throws Exception {
        assertActivity(new Outbound("4", Outbound.Kind.CHOICE, "Which areas?",
                List.of(new Outbound.Choice("x", "Craft"), new Outbound.Choice("y", "People")), true, null, null,
                null, null, "c-9", null), CARD.formatted("""
                "body":[{"type":"TextBlock","text":"Which areas?","wrap":true},
                        {"type":"Input.ChoiceSet","id":"answer","style":"expanded","isMultiSelect":true,
                         "choices":[{"title":"Craft","value":"x"},{"title":"People","value":"y"}]}],
                "actions":[{"type":"Action.Submit","title":"Done","data":{"trellis":"c-9","multi":true}}]"""));
    }

    @Test
    void scaleIsADropDownWithItsEndsLabelled() throws Exception {
        assertActivity(new Outbound("5", Outbound.Kind.SCALE, "How important?", List.of(), false, 1, 6,
                "nice to have", "essential", "c-10", null), CARD.formatted("""
                "body":[{"type":"TextBlock","text":"How important?","wrap":true},
                        {"type":"TextBlock","text":"1 = nice to have · 6 = essential","wrap":true,"isSubtle":true,
                         "size":"Small"},
                        {"type":"Input.ChoiceSet","id":"answer","style":"compact","placeholder":"1 – 6",
                         "choices":[{"title":"1","value":"1"},{"title":"2","value":"2"},{"title":"3","value":"3"},
                                    {"title":"4","value":"4"},{"title":"5","value":"5"},{"title":"6","value":"6"}]}],
                "actions":[{"type":"Action.Submit","title":"Send","data":{"trellis":"c-10"}}]"""));
    }

    @Test
    void dateIsADatePicker() throws Exception {
        assertActivity(new Outbound("6", Outbound.Kind.DATE, "By when?", List.of(), false, null, null, null, null,
                "c-11", null), CARD.formatted("""
                "body":[{"type":"TextBlock","text":"By when?","wrap":true},{"type":"Input.Date","id":"answer"}],
                "actions":[{"type":"Action.Submit","title":"Send","data":{"trellis":"c-11"}}]"""));
    }

    @Test
    void confirmIsTwoButtons() throws Exception {
        assertActivity(Outbound.confirm("7", "Is that it?", "Yes, that's it", "Not quite", "c-12"), CARD.formatted("""
                "body":[{"type":"TextBlock","text":"Is that it?","wrap":true}],
                "actions":[{"type":"Action.Submit","title":"Yes, that's it","data":{"trellis":"c-12","answer":"yes"}},
                           {"type":"Action.Submit","title":"Not quite","data":{"trellis":"c-12","answer":"no"}}]"""));
    }

    @Test
    void imageIsAnInlinePictureWithItsAltText() throws Exception {
        Outbound image = new Outbound("8", Outbound.Kind.IMAGE, "Your career wheel", List.of(), false, null, null,
                null, null, null, "chart-1");
        JSONAssert.assertEquals(CARD.formatted("""
                "body":[{"type":"Image","url":"data:image/png;base64,iVBO","altText":"Your career wheel",
                         "size":"Stretch"},
                        {"type":"TextBlock","text":"Your career wheel","wrap":true}]"""),
                cards.render(image, "data:image/png;base64,iVBO").activities().get(0).toString(),
                JSONCompareMode.STRICT);
        // a chart that cannot be shown is described by its alt text
        assertThat(cards.render(image, null).activities().get(0).path("text").asText()).isEqualTo("Your career wheel");
    }

    @Test
    void answeredQuestionShowsTheAnswerAndNoControls() throws Exception {
        JSONAssert.assertEquals(CARD.formatted("""
                "body":[{"type":"TextBlock","text":"How important?","wrap":true},
                        {"type":"TextBlock","text":"✅ 8","wrap":true,"weight":"Bolder"}]"""),
                cards.answered("How important?", "8").toString(), JSONCompareMode.STRICT);
    }

    @Test
    void longTextIsSplitIntoActivitiesUnder28Kilobytes() {
        String paragraph = "I rambled about my week and my team and everything that happened in between. ";
        String recap = paragraph.repeat(400) + "Is that right?";
        Outbound question = Outbound.confirm("9", recap, "Yes", "No", "c-13");

        List<com.fasterxml.jackson.databind.node.ObjectNode> activities = cards.render(question, null).activities();

        assertThat(activities).hasSizeGreaterThan(1);
        activities.forEach(a -> assertThat(a.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(28 * 1024));
        assertThat(activities.get(activities.size() - 1).path("attachments").path(0).path("content").path("actions")
                .size()).isEqualTo(2);
        String joined = activities.stream().map(a -> a.has("text") ? a.get("text").asText()
                : a.path("attachments").path(0).path("content").path("body").path(0).path("text").asText())
                .reduce("", (x, y) -> x + " " + y);
        assertThat(joined.replaceAll("\\s+", " ").trim()).isEqualTo(recap.replaceAll("\\s+", " ").trim());
    }

    private void assertActivity(Outbound message, String expected) throws Exception {
        List<com.fasterxml.jackson.databind.node.ObjectNode> activities = cards.render(message, null).activities();
        assertThat(activities).hasSize(1);
        JSONAssert.assertEquals(expected, activities.get(0).toString(), JSONCompareMode.STRICT);
    }

    private static final dev.trellis.flow.YamlMessageBundle MESSAGES =
            dev.trellis.flow.YamlMessageBundle.load(java.nio.file.Path.of("conversation-flows", "messages"));

    /** Each person's words as the channel finds them: from their person data's locale, through the message files. */
    private static CardWords wordsOf(String personId) {
        dev.trellis.engine.PersonContext people = (channel, id) -> java.util.Map.of("person",
                java.util.Map.of("locale", "person-de".equals(id) ? "de" : "en"));
        return CardWords.ofPeople(people, MESSAGES).apply(personId);
    }

    private String card(Outbound message, CardWords words) {
        return cards.render(message, null, words).activities().get(0).toString();
    }

    @Test
    void aGermanPersonSendsWithSendenAndFinishesAMultiSelectWithFertig() {
        List<Outbound.Choice> six = java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(i -> new Outbound.Choice("o" + i, "Option " + i)).toList();
        Outbound date = new Outbound("1", Outbound.Kind.DATE, "Bis wann?", List.of(), false, null, null,
                "Datum wählen", null, "c-1", null);
        Outbound scale = new Outbound("2", Outbound.Kind.SCALE, "Wie zufrieden?", List.of(), false, 1, 10, null, null,
                "c-2", null);
        Outbound longList = new Outbound("3", Outbound.Kind.CHOICE, "Welcher Bereich?", six, false, null, null, null,
                null, "c-3", null);
        Outbound multi = new Outbound("4", Outbound.Kind.CHOICE, "Was trifft zu?", six, true, null, null, null, null,
                "c-4", null);

        for (Outbound sent : List.of(date, scale, longList)) {
            assertThat(AdaptiveCards.needsWords(sent)).isTrue();
            assertThat(card(sent, wordsOf("person-de"))).contains("\"title\":\"Senden\"").doesNotContain("Send\"");
        }
        assertThat(card(longList, wordsOf("person-de"))).contains("\"placeholder\":\"Auswählen…\"")
                .doesNotContain("Choose");
        assertThat(card(multi, wordsOf("person-de"))).contains("\"title\":\"Fertig\"").doesNotContain("Done");
        assertThat(card(date, wordsOf("person-en"))).contains("\"title\":\"Send\"");
        assertThat(card(multi, wordsOf(null))).contains("\"title\":\"Done\"");
    }
}
