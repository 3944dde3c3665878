package dev.trellis.engine;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.time.ZoneId;

import dev.trellis.flow.Recurrence;
import dev.trellis.scheduling.PersonalTime;
import java.util.regex.Pattern;

/**
 * Plays a transcript ({@code conversation-flows/tests/*.yaml}) against the engine on a fake clock. A transcript
 * is a list of entries:
 * <ul>
 *   <li>{@code command: grow} — {@code /coach grow}; {@code user: text} — the person types;
 *       {@code click: label} — the person clicks the option with that label on the newest question offering it
 *       (so clicking a label of an answered question is a stale click)</li>
 *   <li>{@code bot: text} or {@code bot: /regex/} — the next thing the bot said since the person's last action
 *       (exact text, or a regex found in it); {@code image: /alt regex/} — the next message is an image</li>
 *   <li>{@code wait: P2D} — time passes: timeouts and idle limits fire, and so does every timer a {@code schedule}
 *       step set that comes due meanwhile (in time order, at its moment moved into office hours in the person's
 *       zone, recurring ones again at their next occurrence), so a transcript can run week 1 → week 2;
 *       {@code restart} — the server restarts: a new engine continues from the stored state</li>
 *   <li>{@code scheduled: {name, at}} — a timer of that name is set ({@code at}: its next moment, ISO or /regex/);
 *       {@code unscheduled: name} — none of that name is set</li>
 *   <li>{@code expect: {step, status, flow, vars: {...}}} — where the conversation stands</li>
 * </ul>
 * Besides {@code person}, {@code now} and {@code conversation}, a transcript may say {@code messy: [...]}: the kinds
 * of messy input it plays ({@link MessyInput}). Such a transcript is held to its word: each kind it names is typed
 * at least once, every messy input is followed by a {@code bot:} line saying what the bot answered, and it plays the
 * flow its file name starts with. A failure names the transcript file and line. {@code -Dtranscripts.print=true}
 * prints each conversation as it is played, which helps when writing one.
 */
final class TranscriptRunner {

    private static final Pattern REGEX = Pattern.compile("^/(.*)/$", Pattern.DOTALL);

    private final Supplier<Engine> engines;
    private final Set<String> visited;
    private final Consumer<TurnEffect> effects;
    private final Consumer<Instant> clock;
    private final BiPredicate<String, String> stillSet;

    TranscriptRunner(Supplier<Engine> engines, Set<String> visited) {
        this(engines, visited, effect -> { }, at -> { }, (person, name) -> true);
    }

    /**
     * @param effects hears every effect of every turn, as the application's listeners do (timers reach Quartz)
     * @param clock   is moved to the transcript's time before each turn, so actions see the same time as the engine
     * @param stillSet whether the person's timer of a name is still set and not paused when it comes due (the person
     *                 may have cancelled or paused it with {@code /coach reminders}): one that is not does not fire
     */
    TranscriptRunner(Supplier<Engine> engines, Set<String> visited, Consumer<TurnEffect> effects,
                     Consumer<Instant> clock, BiPredicate<String, String> stillSet) {
        this.engines = engines;
        this.visited = visited;
        this.effects = effects;
        this.clock = clock;
        this.stillSet = stillSet;
    }

    /** A timer a {@code schedule} step set, as the transcript's fake scheduler keeps it. */
    private record Pending(String name, String flowId, String stepId, Instant at, String every, ZoneId zone,
                           Map<String, String> ids) {
        /** Its moment in office hours, as the real scheduler moves it. */
        static Instant inWorkingTime(Instant moment, ZoneId zone) {
            return PersonalTime.in(zone).nextWorkingMoment(moment);
        }

        Pending next() {
            if (every == null) return null;
            Instant nominal = Recurrence.parse(every).next(at, zone);
            return new Pending(name, flowId, stepId, inWorkingTime(nominal, zone), every, zone, ids);
        }
    }

    void run(Path file) throws IOException {
        String name = file.getFileName().toString();
        Node root;
        try {
            root = new Yaml().compose(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw new AssertionError(name + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        }
        if (!(root instanceof MappingNode doc)) throw new AssertionError(name + ":1: a transcript is a mapping");
        Map<String, Node> header = fields(doc);
        ConversationState.Profile profile = profile(header.get("person"));
        Instant now = header.containsKey("now") ? Instant.parse(scalar(header.get("now"))) : Instant.parse("2026-11-25T09:00:00Z");
        String personId = "transcript-" + name.replace(".yaml", "");
        // platform:workspace:user, like every conversation id, so the scheduling feature can read it
        Engine.Subject subject = new Engine.Subject("test:transcripts:" + personId, "test", personId);
        Node conversation = header.get("conversation");
        if (!(conversation instanceof SequenceNode entries)) {
            throw new AssertionError(name + ":1: a transcript needs a 'conversation' list");
        }
        Play play = new Play(name, subject, engines.get(), ConversationState.idle(profile), now);
        play.messy = messy(name, header.get("messy"));
        for (Node entry : entries.getValue()) play.entry(entry);
        play.checkMessy();
    }

    /** The kinds a {@code messy:} list names, or null when the transcript claims none. */
    private static Set<MessyInput> messy(String file, Node node) {
        if (node == null) return null;
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw new AssertionError(file + ":" + (node.getStartMark().getLine() + 1) + ": messy is a list of "
                    + MessyInput.names());
        }
        Set<MessyInput> kinds = java.util.EnumSet.noneOf(MessyInput.class);
        for (Node item : list.getValue()) {
            MessyInput kind = MessyInput.named(scalar(item));
            if (kind == null) {
                throw new AssertionError(file + ":" + (item.getStartMark().getLine() + 1) + ": '" + scalar(item)
                        + "' is not a kind of messy input; the kinds are " + MessyInput.names());
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static final boolean PRINT = Boolean.getBoolean("transcripts.print");

    /** One transcript being played. */
    private final class Play {
        final String file;
        final Engine.Subject subject;
        Engine engine;
        ConversationState state;
        Instant now;
        final List<Outbound> said = new ArrayList<>();
        int unread;
        /** What the transcript claims in {@code messy:} (null: nothing), and what its person really typed. */
        Set<MessyInput> messy;
        final Set<MessyInput> typed = java.util.EnumSet.noneOf(MessyInput.class);
        /** Where a messy input was typed that no {@code bot:} line has answered yet. */
        String unanswered;
        final Set<String> flowsVisited = new java.util.HashSet<>();

        Play(String file, Engine.Subject subject, Engine engine, ConversationState state, Instant now) {
            this.file = file;
            this.subject = subject;
            this.engine = engine;
            this.state = state;
            this.now = now;
        }

        void entry(Node node) {
            String where = file + ":" + (node.getStartMark().getLine() + 1);
            String key;
            Node value;
            if (node instanceof ScalarNode s) {
                key = s.getValue();
                value = null;
            } else if (node instanceof MappingNode m && m.getValue().size() == 1) {
                key = scalar(m.getValue().get(0).getKeyNode());
                value = m.getValue().get(0).getValueNode();
            } else {
                throw new AssertionError(where + ": an entry is one of command, user, click, bot, image, wait, restart, expect");
            }
            if (messy != null && unanswered != null && !key.equals("bot") && !key.equals("image")
                    && !key.equals("expect") && !key.equals("scheduled") && !key.equals("unscheduled")) {
                throw new AssertionError(unanswered + ": a messy transcript says what the bot answers to each messy "
                        + "input: add a 'bot:' line after it");
            }
            switch (key) {
                case "command" -> {
                    if (PRINT) System.out.println("# " + where + "\n  - command: " + scalar(value));
                    apply(new Event.Command(scalar(value)), where);
                }
                case "user" -> {
                    Set<MessyInput> kinds = MessyInput.of(scalar(value), openQuestion(), state.profile().locale());
                    typed.addAll(kinds);
                    if (!kinds.isEmpty()) unanswered = where;
                    if (PRINT) System.out.println("  - user: " + scalar(value) + (kinds.isEmpty() ? "" : "   # " + kinds));
                    apply(new Event.Said(scalar(value)), where);
                }
                case "click" -> click(scalar(value), where);
                case "bot" -> {
                    expectSaid(scalar(value), where, false);
                    unanswered = null;
                }
                case "image" -> {
                    expectSaid(scalar(value), where, true);
                    unanswered = null;
                }
                case "wait" -> waitFor(Duration.parse(scalar(value)), where);
                case "restart" -> engine = engines.get();
                case "expect" -> expectState((MappingNode) value, where);
                case "scheduled" -> expectScheduled((MappingNode) value, where);
                case "unscheduled" -> {
                    if (timers.containsKey(scalar(value))) {
                        throw new AssertionError(where + ": expected no timer '" + scalar(value) + "' but one is set "
                                + "for " + timers.get(scalar(value)).at());
                    }
                }
                default -> throw new AssertionError(where + ": unknown entry '" + key + "'");
            }
        }

        /** The question waiting for an answer: the newest one asked and not yet answered. */
        Outbound openQuestion() {
            Set<String> answered = new java.util.HashSet<>();
            for (int i = allSaid.size() - 1; i >= 0; i--) {
                Outbound m = allSaid.get(i);
                if (m.kind() == Outbound.Kind.ANSWERED) answered.add(m.controlId());
                else if (m.isQuestion() && !answered.contains(m.controlId())) return state.running() ? m : null;
            }
            return null;
        }

        /** A transcript that claims messy input typed each kind it names, in the flow its name starts with. */
        void checkMessy() {
            if (messy == null) return;
            if (unanswered != null) {
                throw new AssertionError(unanswered + ": a messy transcript says what the bot answers to each messy "
                        + "input: add a 'bot:' line after it");
            }
            Set<MessyInput> missing = java.util.EnumSet.copyOf(messy);
            missing.removeAll(typed);
            if (!missing.isEmpty()) {
                throw new AssertionError(file + ": claims messy input it never types: "
                        + missing.stream().map(MessyInput::yamlName).toList() + " (typed: "
                        + typed.stream().map(MessyInput::yamlName).toList() + ")");
            }
            if (flowsVisited.stream().noneMatch(flow -> file.startsWith(flow + "-"))) {
                throw new AssertionError(file + ": a messy transcript plays the flow its name starts with; it played "
                        + flowsVisited);
            }
        }

        /** Timers set by the conversation's schedule steps, by name (setting one again replaces it). */
        final Map<String, Pending> timers = new LinkedHashMap<>();
        /** True while a wait runs: what the bot says at each moment of it is read in order afterwards. */
        boolean waiting;

        void apply(Event event, String where) {
            now = now.plusSeconds(30);
            clock.accept(now);
            Turn turn = engine.apply(subject, state, event, now);
            for (Turn.Effect effect : turn.effects()) {
                if (effect instanceof Turn.Effect.StepFailed failed) {
                    throw new AssertionError(where + ": step '" + failed.stepId() + "' failed", failed.error());
                }
                if (effect instanceof Turn.Effect.TimerSet set) {
                    ZoneId zone = ZoneId.of(set.zone());
                    Instant at = set.at() != null ? set.at() : Recurrence.parse(set.every()).next(now, zone);
                    timers.put(set.name(), new Pending(set.name(), set.flowId(), set.stepId(),
                            Pending.inWorkingTime(at, zone), set.every(), zone, set.ids()));
                } else if (effect instanceof Turn.Effect.TimerCancelled cancelled) {
                    timers.remove(cancelled.name());
                }
                effects.accept(new TurnEffect(subject.conversationId() + ":" + java.util.UUID.randomUUID(), subject.conversationId(), subject.channel(), subject.personId(), effect));
            }
            visited.addAll(turn.visited());
            turn.visited().forEach(step -> flowsVisited.add(step.substring(0, step.indexOf('/'))));
            if (PRINT) {
                turn.messages().stream().filter(m -> m.kind() != Outbound.Kind.ANSWERED).forEach(m -> System.out.println(
                        "  - bot: " + m.text().replace("\n", "\\n") + (m.choices().isEmpty() ? "" : "   # "
                                + m.choices().stream().map(Outbound.Choice::label).toList())));
            }
            state = turn.state();
            if (!waiting) {
                said.clear();
                unread = 0;
            }
            said.addAll(turn.messages().stream().filter(m -> m.kind() != Outbound.Kind.ANSWERED).toList());
            allSaid.addAll(turn.messages());
        }

        final List<Outbound> allSaid = new ArrayList<>();

        void click(String label, String where) {
            if (PRINT) System.out.println("  - click: " + label);
            for (int i = allSaid.size() - 1; i >= 0; i--) {
                Outbound m = allSaid.get(i);
                if (!m.isQuestion()) continue;
                if (m.kind() == Outbound.Kind.SCALE && label.matches("\\d+")) {
                    apply(new Event.Clicked(m.controlId(), List.of(label)), where);
                    return;
                }
                for (Outbound.Choice c : m.choices()) {
                    if (c.label().equals(label)) {
                        apply(new Event.Clicked(m.controlId(), List.of(c.value())), where);
                        return;
                    }
                }
            }
            throw new AssertionError(where + ": no question offered a button '" + label + "'");
        }

        void expectSaid(String expected, String where, boolean image) {
            if (unread >= said.size()) {
                throw new AssertionError(where + ": expected the bot to say " + expected + " but it said nothing more"
                        + " (this turn it said: " + texts() + ")");
            }
            Outbound next = said.get(unread++);
            if (image != (next.kind() == Outbound.Kind.IMAGE)) {
                throw new AssertionError(where + ": expected " + (image ? "an image" : "a text") + " but got "
                        + next.kind() + " \"" + next.text() + "\"");
            }
            if (!matches(expected, next.text())) {
                throw new AssertionError(where + ": expected the bot to say " + expected + "\n  but it said \""
                        + next.text() + "\"");
            }
        }

        /**
         * Time passes to {@code now + duration}: each timer due meanwhile fires at its moment, in time order (timeouts
         * and idle limits due before it are handled first); then timeouts and idle limits at the end of the wait.
         */
        void waitFor(Duration duration, String where) {
            Instant end = now.plus(duration);
            said.clear();
            unread = 0;
            waiting = true;
            try {
                for (int fired = 0; fired < 100; fired++) {
                    Pending due = timers.values().stream().filter(t -> !t.at().isAfter(end))
                            .min(java.util.Comparator.comparing(Pending::at)).orElse(null);
                    if (due == null) break;
                    if (due.at().isAfter(now)) now = due.at();
                    tick(where);
                    Pending next = due.next();
                    if (next == null) timers.remove(due.name()); else timers.put(due.name(), next);
                    if (!stillSet.test(subject.personId(), due.name())) continue;
                    Instant at = now;
                    apply(new Event.TimerFired(new Inbound.Timer("person:" + subject.personId() + "/" + due.name(),
                            due.at(), due.flowId(), due.stepId(), Map.copyOf(due.ids()))), where);
                    now = at;
                }
                now = end;
                tick(where);
            } finally {
                waiting = false;
            }
        }

        private void tick(String where) {
            int ticks = 0;
            while (state.running() && state.wakeAt() != null && !now.isBefore(state.wakeAt()) && ticks++ < 20) {
                Instant at = now;
                apply(new Event.Tick(), where);
                now = at;
            }
        }

        void expectScheduled(MappingNode node, String where) {
            Map<String, Node> expected = fields(node);
            String name = scalar(expected.get("name"));
            Pending timer = timers.get(name);
            if (timer == null) {
                throw new AssertionError(where + ": expected a timer '" + name + "' but the timers set are "
                        + timers.keySet());
            }
            if (expected.containsKey("at") && !matches(scalar(expected.get("at")), timer.at().toString())) {
                throw new AssertionError(where + ": expected timer '" + name + "' at " + scalar(expected.get("at"))
                        + " but it is set for " + timer.at());
            }
            if (expected.containsKey("flow") && !scalar(expected.get("flow")).equals(timer.flowId())) {
                throw new AssertionError(where + ": expected timer '" + name + "' to start "
                        + scalar(expected.get("flow")) + " but it starts " + timer.flowId());
            }
        }

        void expectState(MappingNode node, String where) {
            Map<String, Node> expected = fields(node);
            check(where, "step", expected.get("step"), state.stepId());
            check(where, "flow", expected.get("flow"), state.flowId());
            check(where, "status", expected.get("status"), state.status().name());
            if (expected.get("vars") instanceof MappingNode vars) {
                for (NodeTuple t : vars.getValue()) {
                    String name = scalar(t.getKeyNode());
                    Object actual = state.vars().get(name);
                    String want = scalar(t.getValueNode());
                    if (!sameValue(want, actual)) {
                        throw new AssertionError(where + ": expected variable '" + name + "' to be " + want
                                + " but it was " + actual);
                    }
                }
            }
        }

        private void check(String where, String what, Node expected, String actual) {
            if (expected == null) return;
            String want = scalar(expected);
            if (!Objects.equals(want.equals("null") ? null : want, actual)) {
                throw new AssertionError(where + ": expected " + what + " " + want + " but it was " + actual);
            }
        }

        private List<String> texts() {
            return said.stream().map(Outbound::text).toList();
        }
    }

    static boolean matches(String expected, String actual) {
        var regex = REGEX.matcher(expected);
        if (regex.matches()) return Pattern.compile(regex.group(1), Pattern.DOTALL).matcher(actual).find();
        return expected.equals(actual);
    }

    static boolean sameValue(String expected, Object actual) {
        if (actual instanceof Number n) {
            try {
                return Double.parseDouble(expected) == n.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (actual instanceof List<?> list) {
            return expected.equals(String.join(", ", list.stream().map(String::valueOf).toList()));
        }
        return matches(expected, String.valueOf(actual));
    }

    private static ConversationState.Profile profile(Node node) {
        if (!(node instanceof MappingNode m)) return ConversationState.Profile.DEFAULT;
        Map<String, Node> f = fields(m);
        return new ConversationState.Profile(f.containsKey("name") ? scalar(f.get("name")) : null,
                f.containsKey("locale") ? scalar(f.get("locale")) : "en",
                f.containsKey("timezone") ? scalar(f.get("timezone")) : "UTC");
    }

    private static Map<String, Node> fields(MappingNode node) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) map.put(scalar(t.getKeyNode()), t.getValueNode());
        return map;
    }

    private static String scalar(Node node) {
        if (node instanceof ScalarNode s) return s.getValue();
        throw new AssertionError("line " + (node == null ? "?" : node.getStartMark().getLine() + 1) + ": expected a plain value");
    }
}
