package dev.trellis.privacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;

/**
 * The {@code delete-my-data} flow's action and what happens once its turn is stored. The action only records the
 * request (it runs inside a turn, whose conversation is written after it: erasing there would be undone by that
 * write); the erasure runs when the flow's end is published.
 */
final class ErasureActions {

    static final String FLOW = "delete-my-data";

    /** What counts as confirming, after lower-casing and dropping punctuation and extra spaces. */
    private static final Set<String> CONFIRMATIONS = Set.of("yes delete", "yes delete it", "yes delete everything",
            "yes delete my data", "yes please delete", "yes delete all");

    private ErasureActions() {
    }

    /** True for a typed "yes delete" however it is written ("Yes, delete!", "YES  DELETE", "yes delete 🙏"). */
    static boolean confirms(Object answer) {
        if (answer == null) return false;
        String text = Normalizer.normalize(String.valueOf(answer), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return CONFIRMATIONS.contains(text);
    }

    /**
     * {@code privacy.erase} with {@code answer}: {@code confirmed} is true when the answer was the confirmation,
     * and the request is then recorded for the person this conversation belongs to (never an id from the flow).
     */
    @Component
    @ActionName("privacy.erase")
    static final class Erase implements ActionHandler {

        // looked up when used: the flow catalog checks actions exist while the erasure's own beans are being built
        private final ObjectProvider<Erasure> erasure;

        Erase(ObjectProvider<Erasure> erasure) {
            this.erasure = erasure;
        }

        @Override
        public Map<String, Object> run(Request request) {
            if (!confirms(request.args().get("answer"))) {
                return Map.of("confirmed", false);
            }
            erasure.getObject().request(request.personId(), request.conversationId(), request.now());
            return Map.of("confirmed", true);
        }
    }

    /** Runs the erasure once the confirming turn is stored (the flow ended). */
    @Component
    static final class AfterConfirmation {

        private final Erasure erasure;

        AfterConfirmation(Erasure erasure) {
            this.erasure = erasure;
        }

        @EventListener
        void on(TurnEffect turnEffect) {
            if (turnEffect.effect() instanceof Turn.Effect.FlowEnded ended && FLOW.equals(ended.flowId())
                    && turnEffect.personId() != null) {
                erasure.eraseRequested(turnEffect.personId());
            }
        }
    }
}
