package dev.trellis.scheduling;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;
import dev.trellis.flow.Recurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sets and cancels the timers flows ask for ({@code schedule} and {@code unschedule} steps). Idempotent, as effects
 * may be heard twice (see {@link TurnEffect}): a timer is keyed by person and name and remembers the effect that set
 * it, so hearing that effect again leaves it alone (a recurring timer is not moved on, no occurrence is added); a
 * second cancel finds nothing to remove. A scheduler that cannot be reached throws, and the effect is relayed again.
 */
@Component
class TimerEffects {

    private static final Logger log = LoggerFactory.getLogger(TimerEffects.class);

    private final Reminders reminders;

    TimerEffects(Reminders reminders) {
        this.reminders = reminders;
    }

    @EventListener
    void on(TurnEffect turnEffect) {
        Turn.Effect effect = turnEffect.effect();
        String person = turnEffect.personId();
        if (effect instanceof Turn.Effect.TimerSet set) {
            Reminder reminder = new Reminder(person, set.name(), identity(turnEffect.conversationId()), null,
                    set.flowId(), set.ids(), set.at(), Reminder.DEFAULT_TOLERANCE, null,
                    set.every() == null ? null : Recurrence.parse(set.every()), set.zone(), true, set.stepId());
            var first = reminders.set(reminder, turnEffect.effectId());
            log.debug("Timer {} of {} set for {}", set.name(), turnEffect.conversationId(), first);
        } else if (effect instanceof Turn.Effect.TimerCancelled cancelled) {
            reminders.cancel(person, cancelled.name());
        } else if (effect instanceof Turn.Effect.TimerRefused refused) {
            // the reason may quote a value the flow computed: the log keeps ids only
            log.info("Timer {} of {} not set", refused.name(), turnEffect.conversationId());
        }
    }

    /** A conversation id is {@code platform:workspace:userId}; a Teams user id may itself contain colons. */
    static PlatformIdentity identity(String conversationId) {
        String[] parts = conversationId.split(":", 3);
        if (parts.length < 3) throw new IllegalArgumentException("not a conversation id: " + conversationId);
        return new PlatformIdentity(parts[0], parts[1], parts[2]);
    }
}
