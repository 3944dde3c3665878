package dev.trellis.channel.web;

import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Outbound.Choice;
import dev.trellis.engine.Outbound.Kind;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import dev.trellis.inbox.Inbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for inbox and engine that asks one question of every kind in a fixed order, so the browser test can
 * exercise every control the page renders. Like the engine, it takes typed answers for text and number questions
 * (without an ANSWERED message) and clicks for the rest, and it answers a click on a closed question with a note.
 * It replies through the real web channel and keeps a transcript for the history endpoint, as the store does.
 */
class ScriptedBot implements Inbox, ChatHistory {

    private final OutboundChannel channel;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, List<ChatEntry>> transcripts = new ConcurrentHashMap<>();
    private final Map<String, String> open = new ConcurrentHashMap<>();
    private final Map<String, Outbound> questions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    ScriptedBot(OutboundChannel channel) {
        this.channel = channel;
    }

    @Override
    public synchronized Receipt accept(Inbound in) {
        if (!seen.add(in.eventId())) return Receipt.DUPLICATE;
        String conversation = in.conversationId();
        Recipient to = new Recipient(conversation, in.channel(), in.workspace(), in.userId(), in.userId(), in.address(), Map.of());
        String openControl = open.get(conversation);
        if (in.kind() != Inbound.Kind.ACTION) {
            transcript(conversation).add(ChatEntry.person("in-" + ids.incrementAndGet(), in.text()));
        }
        switch (in.kind()) {
            case COMMAND -> {
                send(to, Outbound.text(next(), "Hello! Let's try *every* kind of question."));
                askNext(to, null);
            }
            case ACTION -> {
                if (!in.controlId().equals(openControl)) {
                    send(to, Outbound.text(next(), "That question has already been answered."));
                } else {
                    send(to, answered(openControl, in.values()));
                    askNext(to, openControl);
                }
            }
            case MESSAGE -> {
                if ("c4".equals(openControl) || "c7".equals(openControl)) {
                    askNext(to, openControl);
                } else {
                    send(to, Outbound.text(next(), "I'm not asking anything right now."));
                }
            }
            case TIMER -> {
            }
        }
        return Receipt.ACCEPTED;
    }

    private void askNext(Recipient to, String answeredControl) {
        if (answeredControl == null) {
            ask(to, choice("c1", "Which area matters most right now?", false, new Choice("career", "Career"),
                    new Choice("health", "Health"), new Choice("learning", "Learning")));
            return;
        }
        switch (answeredControl) {
            case "c1" -> ask(to, new Outbound(next(), Kind.SCALE, "How satisfied are you with it?", List.of(), false,
                    1, 5, "not at all", "completely", "c2", null));
            case "c2" -> ask(to, choice("c3", "What helps you most?", true, new Choice("time", "Time"),
                    new Choice("people", "People"), new Choice("money", "Money")));
            case "c3" -> ask(to, question(Kind.NUMBER, "How many hours a week can you give it?", "c4"));
            case "c4" -> ask(to, question(Kind.DATE, "By when would you like to see a change?", "c5"));
            case "c5" -> ask(to, new Outbound(next(), Kind.CONFIRM, "Shall we write it down?", List.of(
                    new Choice("yes", "Yes, please"), new Choice("no", "Not now")), false, null, null, null, null,
                    "c6", null));
            case "c6" -> ask(to, question(Kind.QUESTION, "In one sentence, what is your first step?", "c7"));
            default -> {
                open.remove(to.conversationId());
                send(to, new Outbound(next(), Kind.IMAGE, "Your plan as a chart", List.of(), false, null, null, null,
                        null, null, "chart-1"));
                send(to, Outbound.text(next(), "Thank you. That's all for today."));
            }
        }
    }

    @Override
    public synchronized Transcript load(String conversationId) {
        return new Transcript(transcript(conversationId), open.get(conversationId));
    }

    private Outbound choice(String controlId, String text, boolean multiple, Choice... choices) {
        return new Outbound(next(), Kind.CHOICE, text, List.of(choices), multiple, null, null, null, null, controlId,
                null);
    }

    private Outbound question(Kind kind, String text, String controlId) {
        return new Outbound(next(), kind, text, List.of(), false, null, null, null, null, controlId, null);
    }

    private Outbound answered(String controlId, List<String> values) {
        Outbound question = questions.get(controlId);
        List<String> labels = values.stream().map(v -> question.choices().stream()
                .filter(c -> c.value().equals(v)).map(Choice::label).findFirst().orElse(v)).toList();
        return new Outbound(next(), Kind.ANSWERED, String.join(", ", labels), List.of(), false, null, null, null,
                null, controlId, null);
    }

    private void ask(Recipient to, Outbound question) {
        questions.put(question.controlId(), question);
        open.put(to.conversationId(), question.controlId());
        send(to, question);
    }

    private void send(Recipient to, Outbound message) {
        transcript(to.conversationId()).add(ChatEntry.bot(to.conversationId(), message));
        channel.deliver(to, message);
    }

    private List<ChatEntry> transcript(String conversationId) {
        return transcripts.computeIfAbsent(conversationId, id -> new ArrayList<>());
    }

    private String next() {
        return "m" + ids.incrementAndGet();
    }
}
