package dev.trellis.flow;

/**
 * Something the bot says: either a literal template ({@code "Hello {{person.name}}"}) or the key of a message in
 * {@code conversation-flows/messages/<locale>.yaml} ({@code {msg: grow.goal}}). A message may hold several
 * variants; one is picked per turn so a person does not hear the same question every week.
 */
public record Text(String template, String messageKey, Position position) {

    public static Text literal(String template, Position position) {
        return new Text(template, null, position);
    }

    public static Text message(String key, Position position) {
        return new Text(null, key, position);
    }

    public boolean isMessage() {
        return messageKey != null;
    }
}
