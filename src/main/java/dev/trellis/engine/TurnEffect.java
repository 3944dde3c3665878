package dev.trellis.engine;

/**
 * Published (as an application event) for every {@link Turn.Effect} of a turn once the turn is stored, so other
 * features react without the engine calling them. Carries ids, never what a person wrote; {@code personId} is the
 * Trellis person id (never a platform user id).
 *
 * <p>At least once: effects are stored with their turn and relayed from there, so a node that stops after storing a
 * turn loses none, but one that stops after a listener ran and before the relay was recorded has it heard again.
 * {@code effectId} is the same on every hearing of one effect and never reused for another: a listener that must not
 * act twice keys what it does by it.
 */
public record TurnEffect(String effectId, String conversationId, String channel, String personId, Turn.Effect effect) {
}
