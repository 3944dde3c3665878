package dev.trellis.sharing;

/**
 * An item a person can share, by reference: its kind ({@code goal}, {@code talkingPoint}, {@code checkIn},
 * {@code plan}) and the id of its record. Never its text: whoever shows it reads the record at that moment.
 */
public record SharedItem(String kind, String id) {

    public SharedItem {
        if (kind == null || kind.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a shared item needs a kind and an id");
        }
    }

    /** {@code kind:id}, as a share effect carries it (an id may itself contain colons). */
    public static SharedItem parse(String ref) {
        int colon = ref == null ? -1 : ref.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("not an item reference: " + ref);
        return new SharedItem(ref.substring(0, colon), ref.substring(colon + 1));
    }

    public String ref() {
        return kind + ":" + id;
    }
}
