package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.OpenQuestion;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.TranscriptEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredChatHistoryTest {

    private static final String CONVERSATION = "web:AAAAAAAAAAAAAAAAAAAAAA";
    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void transcriptShowsWhatThePersonTypedAndWhatTheBotSentInOrder() {
        Outbound question = new Outbound(CONVERSATION + ":1:2", Outbound.Kind.SCALE, "How important is this?",
                List.of(), false, 1, 10, "nice to have", "essential", "1.importance", null);
        StoredChatHistory history = new StoredChatHistory(conversations(List.of(
                TranscriptEntry.in(1, "grow", AT),
                TranscriptEntry.out(2, Outbound.text(CONVERSATION + ":1:1", "Let's start."), AT),
                TranscriptEntry.out(3, question, AT)), "1.importance"));

        ChatHistory.Transcript transcript = history.load(CONVERSATION);

        assertThat(transcript.entries()).extracting(ChatEntry::from, ChatEntry::text).containsExactly(
                tuple("person", "grow"),
                tuple("bot", "Let's start."),
                tuple("bot", "How important is this?"));
        assertThat(transcript.entries().get(2)).satisfies(scale -> {
            assertThat(scale.kind()).isEqualTo("SCALE");
            assertThat(scale.maxLabel()).isEqualTo("essential");
            assertThat(scale.controlId()).isEqualTo("1.importance");
        });
        assertThat(transcript.openControl()).isEqualTo("1.importance");
    }

    @Test
    void pageNeverSeesTheConversationIdWhichHoldsTheSession() {
        StoredChatHistory history = new StoredChatHistory(conversations(List.of(
                TranscriptEntry.in(1, "hello", AT),
                TranscriptEntry.out(2, Outbound.text(CONVERSATION + ":1:1", "Hi!"), AT)), null));

        assertThat(history.load(CONVERSATION).entries()).extracting(ChatEntry::id).containsExactly("in-1", "1:1");
    }

    @Test
    void newVisitorHasAnEmptyHistoryAndNoOpenQuestion() {
        StoredChatHistory history = new StoredChatHistory(conversations(List.of(), null));

        ChatHistory.Transcript transcript = history.load(CONVERSATION);

        assertThat(transcript.entries()).isEmpty();
        assertThat(transcript.openControl()).isNull();
    }

    private static Conversations conversations(List<TranscriptEntry> transcript, String openControl) {
        return new Conversations() {
            @Override
            public void handle(Inbound inbound) {
                throw new UnsupportedOperationException("the history only reads");
            }

            @Override
            public List<TranscriptEntry> transcript(String conversationId) {
                return conversationId.equals(CONVERSATION) ? transcript : List.of();
            }

            @Override
            public Optional<ConversationState> state(String conversationId) {
                if (transcript.isEmpty()) return Optional.empty();
                return Optional.of(new ConversationState("grow", "v1", "importance", Map.of(),
                        ConversationState.Status.ACTIVE, 0, List.of(), List.of(), 1,
                        openControl == null ? null : new OpenQuestion.Step(openControl), null, AT, AT,
                        ConversationState.Profile.DEFAULT, 0L, List.of()));
            }

            @Override
            public List<Wake> due(Instant now, int limit) {
                return List.of();
            }
        };
    }
}
