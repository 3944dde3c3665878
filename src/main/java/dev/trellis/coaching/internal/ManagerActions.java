package dev.trellis.coaching.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.PersonIdentities;
import dev.trellis.scheduling.Reminder;
import dev.trellis.scheduling.Reminders;
import dev.trellis.sharing.ManagerLink;
import dev.trellis.sharing.ManagerLinks;

/**
 * The actions of the {@code manager} flow: a person names their manager (a Slack mention, a Teams mention read as the
 * name it shows, or a name Trellis knows), the named manager is asked in their own chat and confirms or declines,
 * and either side ends the link. Nothing here grants access: only a confirmed link in {@link ManagerLinks} does.
 */
final class ManagerActions {

    /** The flow that asks a manager to confirm; the reminder that starts it is named after the link. */
    static final String FLOW = "manager";
    static final String ASK_PREFIX = "manager-link-";
    private static final Pattern SLACK_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");
    private static final int MAX_CANDIDATES = 10;

    private ManagerActions() {
    }

    static String nameOf(People people, String personId, String fallback) {
        return people.findById(personId).map(Person::name).filter(n -> !n.isBlank()).orElse(fallback);
    }


    /** {@code conversationId} is {@code platform:workspace:userId}. */
    static PlatformIdentity caller(String conversationId) {
        String[] parts = conversationId.split(":", 3);
        return parts.length == 3 ? new PlatformIdentity(parts[0], parts[1], parts[2]) : null;
    }

    /**
     * {@code manager.status} with optional {@code link} (the request a reminder brought): what the flow shows.
     * {@code asked} (a request naming the caller as manager waits: {@code askedLink}, {@code employeeName}),
     * {@code hasManager} / {@code pending} (the caller's own link, confirmed or waiting: {@code linkId},
     * {@code managerName}), {@code hasReports} with {@code reports} ({@code link}, {@code name}) and {@code reportsText}.
     */
    @Component
    @ActionName("manager.status")
    static final class Status implements ActionHandler {
        private final ManagerLinks links;
        private final People people;

        Status(ManagerLinks links, People people) {
            this.links = links;
            this.people = people;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String me = in.personId();
            String wanted = in.optionalText("link");
            Optional<ManagerLink> asked = Optional.ofNullable(wanted).flatMap(links::find)
                    .filter(l -> l.state() == ManagerLink.State.PROPOSED && l.managerId().equals(me))
                    .or(() -> links.awaiting(me).stream().findFirst());
            Optional<ManagerLink> own = links.openLinkOf(me);
            List<Map<String, Object>> reports = new ArrayList<>();
            for (String report : links.reportsOf(me)) {
                links.openLinkOf(report).ifPresent(l -> reports.add(Map.of("link", l.id(),
                        "name", nameOf(people, report, "?"))));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("asked", asked.isPresent());
            out.put("askedLink", asked.map(ManagerLink::id).orElse(""));
            out.put("employeeName", asked.map(l -> nameOf(people, l.employeeId(), "A colleague")).orElse(""));
            out.put("hasManager", own.map(ManagerLink::confirmed).orElse(false));
            out.put("pending", own.map(l -> l.state() == ManagerLink.State.PROPOSED).orElse(false));
            out.put("linkId", own.map(ManagerLink::id).orElse(""));
            out.put("managerName", own.map(l -> nameOf(people, l.managerId(), "your manager")).orElse(""));
            out.put("hasReports", !reports.isEmpty());
            out.put("reports", reports);
            out.put("reportsText", reports.stream().map(r -> "• " + r.get("name")).collect(Collectors.joining("\n")));
            return out;
        }
    }

    /**
     * {@code manager.find} with {@code who} (what the person typed): the people it could mean, never the caller. A
     * Slack mention ({@code <@U123>}) is that user of the caller's workspace, known to Trellis or not yet; otherwise
     * known people whose full name is in the text, or else whose first name is. Returns {@code count}, {@code id}
     * (when exactly one) and {@code candidates} ({@code id}, {@code name}).
     */
    @Component
    @ActionName("manager.find")
    static final class Find implements ActionHandler {
        private final People people;
        private final PersonDirectory directory;

        Find(People people, PersonDirectory directory) {
            this.people = people;
            this.directory = directory;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String who = in.text("who");
            List<Map<String, Object>> found = new ArrayList<>();
            Matcher mention = SLACK_MENTION.matcher(who);
            PlatformIdentity caller = caller(request.conversationId());
            if (mention.find() && caller != null && caller.platform().equals("slack")) {
                String id = directory.resolve(new PlatformIdentity("slack", caller.workspace(), mention.group(1)));
                String label = mention.group(2) == null ? null : mention.group(2).substring(1);
                if (!id.equals(in.personId())) {
                    found.add(Map.of("id", id, "name", nameOf(people, id, label == null ? "<@" + mention.group(1)
                            + ">" : label)));
                }
            } else {
                found.addAll(byName(who, in.personId()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("count", (long) found.size());
            out.put("id", found.size() == 1 ? found.get(0).get("id") : "");
            out.put("candidates", found);
            return out;
        }

        private List<Map<String, Object>> byName(String typed, String me) {
            String text = " " + normalise(typed) + " ";
            List<Person> named = people.findAll().stream()
                    .filter(p -> p.name() != null && !p.name().isBlank() && !p.id().equals(me)).toList();
            List<Person> full = named.stream().filter(p -> text.contains(" " + normalise(p.name()) + " ")).toList();
            List<Person> matches = !full.isEmpty() ? full : named.stream().filter(p -> {
                String first = normalise(p.name()).split(" ")[0];
                return first.length() > 1 && text.contains(" " + first + " ");
            }).toList();
            return matches.stream().sorted(Comparator.comparing(Person::name)).limit(MAX_CANDIDATES)
                    .map(p -> Map.<String, Object>of("id", p.id(), "name", p.name())).toList();
        }

        private static String normalise(String s) {
            return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        }
    }

    /**
     * {@code manager.propose} with {@code manager} (a person id from {@code manager.find}): the caller names them;
     * they are asked in their own chat (a one-off reminder, in their working hours) unless the link was confirmed
     * already. Returns {@code name}, {@code already} and {@code reachable} (whether Trellis has a chat to ask them in).
     */
    @Component
    @ActionName("manager.propose")
    static final class Propose implements ActionHandler {
        private final ManagerLinks links;
        private final People people;
        private final PersonIdentities identities;
        private final Reminders reminders;

        Propose(ManagerLinks links, People people, PersonIdentities identities, Reminders reminders) {
            this.links = links;
            this.people = people;
            this.identities = identities;
            this.reminders = reminders;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String manager = in.text("manager");
            ManagerLink link = links.propose(in.personId(), manager, in.now());
            boolean already = link.confirmed();
            boolean reachable = !already && ask(link, caller(request.conversationId()), in.now());
            return Map.of("name", nameOf(people, manager, "them"), "already", already, "reachable",
                    already || reachable);
        }

        private boolean ask(ManagerLink link, PlatformIdentity from, Instant now) {
            Optional<PlatformIdentity> to = reach(identities.of(link.managerId()), from);
            if (to.isEmpty()) return false;
            PlatformIdentity identity = to.get();
            // a Slack DM is opened by user id; elsewhere the manager's chat is the one they used before
            String address = identity.platform().equals("slack") ? identity.userId() : null;
            reminders.set(new Reminder(link.managerId(), ASK_PREFIX + link.id(), identity, address, FLOW,
                    Map.of("link", link.id()), now, Reminder.DEFAULT_TOLERANCE, null, null, null, true), link.id());
            return true;
        }
    }

    /** The manager's chat to ask in: the employee's platform and workspace first, then Slack, Teams, the web chat. */
    static Optional<PlatformIdentity> reach(List<PlatformIdentity> identities, PlatformIdentity from) {
        List<String> order = List.of("slack", "teams", "web");
        return identities.stream().filter(i -> order.contains(i.platform()))
                .min(Comparator.comparing((PlatformIdentity i) -> from != null
                                && i.platform().equals(from.platform()) && i.workspace().equals(from.workspace()) ? 0 : 1)
                        .thenComparing(i -> order.indexOf(i.platform())));
    }

    /**
     * {@code manager.answer} with {@code link} and {@code yes}: the caller, named as manager, confirms or declines.
     * Returns {@code state}: {@code confirmed}, {@code declined}, or {@code gone} (withdrawn or not theirs).
     */
    @Component
    @ActionName("manager.answer")
    static final class Answer implements ActionHandler {
        private final ManagerLinks links;

        Answer(ManagerLinks links) {
            this.links = links;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String link = in.text("link");
            Optional<ManagerLink> answered = in.flag("yes") ? links.confirm(link, in.personId(), in.now())
                    : links.decline(link, in.personId(), in.now());
            return Map.of("state", answered.map(l -> l.state().name().toLowerCase(Locale.ROOT)).orElse("gone"));
        }
    }

    /** {@code manager.end} with {@code link}: the caller, either side of it, ends it. Returns {@code ended}. */
    @Component
    @ActionName("manager.end")
    static final class End implements ActionHandler {
        private final ManagerLinks links;

        End(ManagerLinks links) {
            this.links = links;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            Optional<ManagerLink> ended = links.end(in.text("link"), in.personId(), in.now());
            return Map.of("ended", ended.map(l -> !l.state().open()).orElse(false));
        }
    }
}
