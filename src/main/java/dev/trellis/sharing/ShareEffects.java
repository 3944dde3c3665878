package dev.trellis.sharing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;

/**
 * Records the consent a {@code share} step's yes gave, from the effect stored with that turn: a crash after the turn
 * was saved loses no consent, and hearing the effect again records nothing twice (each consent is keyed by the
 * effect id and the item's place in it).
 */
@Component
class ShareEffects {

    private static final Logger log = LoggerFactory.getLogger(ShareEffects.class);

    private final Consents consents;

    ShareEffects(Consents consents) {
        this.consents = consents;
    }

    @EventListener
    void on(TurnEffect turnEffect) {
        if (!(turnEffect.effect() instanceof Turn.Effect.Shared shared)) return;
        Audience audience = Audience.of(shared.audience());
        List<String> items = shared.items();
        for (int i = 0; i < items.size(); i++) {
            consents.give(turnEffect.effectId() + ":" + i, turnEffect.personId(), SharedItem.parse(items.get(i)),
                    audience, shared.at());
        }
        log.debug("Consent of {} recorded: {} item(s) for {}", turnEffect.personId(), items.size(), audience);
    }
}
