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
    void shortTextStaysOneSection() {
        assertThat(renderer.render(Outbound.text("m1", "Thanks for the conversation.")).blocks()).hasSize(1);
    }
}
