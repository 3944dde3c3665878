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
}
