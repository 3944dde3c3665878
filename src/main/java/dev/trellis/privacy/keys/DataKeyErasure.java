package dev.trellis.privacy.keys;

import org.springframework.stereotype.Component;

import dev.trellis.privacy.ErasureParticipant;

/**
 * Erasure destroys the person's data key: every copy of what they wrote that erasure cannot reach (a backup, a dump,
 * a replica that was offline) becomes unreadable, because the key lives apart from the data.
 */
@Component
class DataKeyErasure implements ErasureParticipant {

    private final PersonKeys keys;

    DataKeyErasure(PersonKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "data-keys";
    }

    @Override
    public void erase(String personId) {
        keys.destroy(personId);
    }
}
