package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The inbox's threads take a person's reply before timer work that is waiting, and keep each conversation's order. */
class ConversationLanesTest {

    @Test
    void replyStartsBeforeThousandsOfWaitingReminders() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(2_002);
        try (ConversationLanes lanes = new ConversationLanes(1)) {
            lanes.submit("first", false, () -> {
                await(busy);
                ran.add("first");
                all.countDown();
                return CompletableFuture.completedFuture(null);
            });
            for (int i = 0; i < 2_000; i++) {
                String key = "reminder-" + i;
                lanes.submit(key, false, () -> record(ran, key, all));
            }
            lanes.submit("reply", true, () -> record(ran, "reply", all));
            busy.countDown();
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran.subList(0, 3)).containsExactly("first", "reply", "reminder-0");
        assertThat(ran).endsWith("reminder-1999");
    }

    @Test
    void aConversationsReplyWaitsForItsOwnEarlierEvent() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(3);
        try (ConversationLanes lanes = new ConversationLanes(1)) {
            lanes.submit("other", false, () -> {
                await(busy);
                return record(ran, "other", all);
            });
            lanes.submit("alex", false, () -> record(ran, "alex-reminder", all));
            lanes.submit("alex", true, () -> record(ran, "alex-reply", all));
            busy.countDown();
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran).containsExactly("other", "alex-reminder", "alex-reply");
    }

    private static CompletableFuture<Void> record(List<String> ran, String what, CountDownLatch done) {
        ran.add(what);
        done.countDown();
        return CompletableFuture.completedFuture(null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
