package dev.trellis.privacy.keys;

/**
 * The person's data key, as the rest of privacy sees it: erasure destroys it (every copy of their text, in backups
 * too, becomes unreadable); linking two people into one merges their keys.
 */
public final class PersonKeys {

    private final DataKeys keys;

    PersonKeys(DataKeys keys) {
        this.keys = keys;
    }

    /** Destroys the person's key; idempotent. True when there was one. */
    public boolean destroy(String personId) {
        return keys.destroyPerson(personId);
    }

    /** Makes text sealed for {@code from} readable with {@code into}'s key, and destroys {@code from}'s. */
    public void merge(String from, String into) {
        keys.mergePerson(from, into);
    }
}
