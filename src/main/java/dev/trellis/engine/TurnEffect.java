package dev.trellis.engine;

/**
 * Published (as an application event) for every {@link Turn.Effect} of a turn once the turn is stored, so other
 * features react without the engine calling them. Carries ids, never what a person wrote; {@code personId} is the
 * Trellis person id (never a platform user id).
 */
public record TurnEffect(String conversationId, String channel, String personId, Turn.Effect effect) {
}
