package dev.trellis.channel.slack;

import java.util.Optional;

/**
 * The {@code action_id}s and {@code block_id}s Trellis puts on Block Kit elements. The engine's control id travels
 * inside them, so a click on an old message names the question it belonged to and the engine can tell it is stale.
 * Slack wants action ids unique within a message, hence the index on answer buttons.
 */
final class ActionIds {

    static final String ANSWER = "ans";
    static final String TOGGLE = "pick";
    static final String DONE = "done";
    static final String START = "start";
    static final String PEER_ACCEPT = "peer-yes";
    static final String PEER_DECLINE = "peer-no";

    /** An action id split into its kind and its argument (a control id, flow id or invitation id). */
    record Parsed(String kind, String argument) {
    }

    private ActionIds() {
    }

    static String answer(String controlId, int index) {
        return ANSWER + ":" + index + ":" + controlId;
    }

    static String toggle(String controlId) {
        return TOGGLE + ":" + controlId;
    }

    static String done(String controlId) {
        return DONE + ":" + controlId;
    }

    static String block(String controlId) {
        return "ctl:" + controlId;
    }

    static String start(String flowId) {
        return START + ":" + flowId;
    }

    static String peer(boolean accept, String invitationId) {
        return (accept ? PEER_ACCEPT : PEER_DECLINE) + ":" + invitationId;
    }

    static Optional<Parsed> parse(String actionId) {
        if (actionId == null) {
            return Optional.empty();
        }
        int colon = actionId.indexOf(':');
        if (colon <= 0 || colon == actionId.length() - 1) {
            return Optional.empty();
        }
        String kind = actionId.substring(0, colon);
        String rest = actionId.substring(colon + 1);
        if (kind.equals(ANSWER)) {
            int second = rest.indexOf(':');
            if (second < 0 || second == rest.length() - 1) {
                return Optional.empty();
            }
            rest = rest.substring(second + 1);
        }
        return Optional.of(new Parsed(kind, rest));
    }
}
