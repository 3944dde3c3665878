package dev.trellis.privacy.keys;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.trellis.identity.PersonsMerged;

/** When two people are linked into one, text sealed for either stays readable under the one that remains. */
@Component
class MergedPeople {

    private final PersonKeys keys;

    MergedPeople(PersonKeys keys) {
        this.keys = keys;
    }

    @EventListener
    void on(PersonsMerged merged) {
        keys.merge(merged.from(), merged.into());
    }
}
