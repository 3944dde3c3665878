package dev.trellis.coaching.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.trellis.engine.PersonContext;
import dev.trellis.sharing.ManagerLink;
import dev.trellis.sharing.ManagerLinks;

/**
 * What flows can read about the person (see {@code FlowRules.CONTEXT_VARIABLES}): {@code person}, {@code goals}
 * ({@code goals.active}: id, title, measure, progress, lastProgress (the last recorded figure), previousProgress (the one before), due, status...), {@code wheels}
 * ({@code latest}, {@code previous}, {@code count}), {@code plans}, {@code oneOnOnes} (including the
 * {@code reports} of a manager), {@code peer} and {@code lastSession}. Values are strings, longs, booleans, lists
 * and maps; a missing value is an empty string or empty map, never null, so expressions can test it.
 */
@Component
final class CoachingContext implements PersonContext {

    private final People people;
    private final Goals goals;
    private final WheelRatings wheels;
    private final Plans plans;
    private final OneOnOnes oneOnOnes;
    private final PeerSessions peerSessions;
    private final CoachingSessions sessions;
    private final SessionRatings ratings;
    private final CheckIns checkIns;
    private final CoachingTexts texts;
    private final ManagerLinks links;

    CoachingContext(People people, Goals goals, WheelRatings wheels, Plans plans, OneOnOnes oneOnOnes,
                    PeerSessions peerSessions, CoachingSessions sessions, SessionRatings ratings, CheckIns checkIns,
                    CoachingTexts texts, ManagerLinks links) {
        this.links = links;
        this.texts = texts;
        this.checkIns = checkIns;
        this.people = people;
        this.goals = goals;
        this.wheels = wheels;
        this.plans = plans;
        this.oneOnOnes = oneOnOnes;
        this.peerSessions = peerSessions;
        this.sessions = sessions;
        this.ratings = ratings;
    }

    /** The variables, in the order a full load reads them. */
    private static final Set<String> NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "oneOnOnes", "person", "goals", "wheels", "plans", "peer", "lastSession", "lastStep")));

    @Override
    public Map<String, Object> load(String channel, String personId) {
        Reader reader = reader(channel, personId);
        Map<String, Object> context = new LinkedHashMap<>();
        for (String name : NAMES) context.put(name, reader.read(name));
        return context;
    }

    /** Reads each variable alone; a full read costs one query per collection. */
    @Override
    public Reader reader(String channel, String personId) {
        return new Snapshot(personId, null);
    }

    /** {@code locale} is the conversation's; without one, the person's stored locale names the sessions. */
    @Override
    public Reader reader(String channel, String personId, String locale) {
        return new Snapshot(personId, locale);
    }

    /** One snapshot: what two variables both need (the person, the sessions) is read once and shared. */
    private final class Snapshot implements Reader {
        private final String personId;
        private Optional<Person> person;
        private List<Person> reports;
        private List<CoachingSession> sessionsNewestFirst;

        private final String locale;

        Snapshot(String personId, String locale) {
            this.personId = personId;
            this.locale = locale;
        }

        @Override
        public Set<String> names() {
            return NAMES;
        }

        @Override
        public Object read(String name) {
            return switch (name) {
                case "person" -> CoachingContext.person(personId, person(), links.openLinkOf(personId).orElse(null));
                case "goals" -> goals(personId);
                case "wheels" -> wheels(personId);
                case "plans" -> plans(personId);
                case "oneOnOnes" -> oneOnOnes(personId, reports(), language());
                case "peer" -> CoachingContext.this.peer(personId, person());
                case "lastSession" -> lastSession(personId, sessions(), language());
                case "lastStep" -> lastStep(sessions(), language());
                default -> null;
            };
        }

        /** The conversation's locale, else the person's: a session's title is said in it. */
        private String language() {
            if (locale != null) return locale;
            Person known = person();
            return known == null ? "en" : known.locale();
        }

        /** Read by id (an index lookup); shared by {@code person} and {@code peer}. */
        private Person person() {
            if (person == null) person = people.findById(personId);
            return person.orElse(null);
        }

        /** The people whose confirmed manager this person is (a link they proposed and the person confirmed). */
        private List<Person> reports() {
            if (reports != null) return reports;
            List<String> ids = links.reportsOf(personId);
            Map<String, Person> known = new java.util.HashMap<>();
            if (!ids.isEmpty()) people.findAllById(ids).forEach(p -> known.put(p.id(), p));
            reports = ids.stream().map(id -> known.getOrDefault(id, Person.unknown(id, java.time.Instant.EPOCH)))
                    .toList();
            return reports;
        }

        private List<CoachingSession> sessions() {
            if (sessionsNewestFirst == null) sessionsNewestFirst = sessions.findByPersonIdOrderByAtDesc(personId);
            return sessionsNewestFirst;
        }
    }

    /** {@code managerId}/{@code hasManager}: a confirmed link only; {@code managerPending}: one asked, not confirmed. */
    private static Map<String, Object> person(String id, Person person, ManagerLink link) {
        String managerId = link != null && link.confirmed() ? link.managerId() : null;
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("known", person != null);
        map.put("name", person == null || person.name() == null ? "" : person.name());
        map.put("timezone", person == null ? "UTC" : person.timezone());
        map.put("locale", person == null ? "en" : person.locale());
        map.put("managerId", managerId == null ? "" : managerId);
        map.put("hasManager", managerId != null);
        map.put("managerPending", link != null && !link.confirmed());
        return map;
    }

    private Map<String, Object> goals(String personId) {
        List<Goal> all = goals.findByPersonIdOrderByCreatedAtAsc(personId);
        List<Goal> activeGoals = all.stream().filter(g -> g.status() == Goal.Status.ACTIVE).toList();
        // one query for every goal's check-ins, and none when there is no active goal
        List<CheckIn> history = activeGoals.isEmpty() ? List.of() : checkIns.findByPersonIdOrderByAtAsc(personId);
        List<Map<String, Object>> active = activeGoals.stream()
                .map(g -> withLastStep(goal(g), history, g.id())).toList();
        return Map.of("active", active, "count", (long) active.size(),
                "done", all.stream().filter(g -> g.status() == Goal.Status.DONE).count(), "total", (long) all.size());
    }

    /** The step planned at the goal's last check-in that planned one ({@code lastStep}, empty when none). */
    private static Map<String, Object> withLastStep(Map<String, Object> goal, List<CheckIn> history, String goalId) {
        String lastStep = "";
        for (CheckIn checkIn : history) {
            if (goalId.equals(checkIn.goalId()) && checkIn.nextStep() != null && !checkIn.nextStep().isBlank()) lastStep = checkIn.nextStep();
        }
        goal.put("lastStep", lastStep);
        return goal;
    }

    static Map<String, Object> goal(Goal goal) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", goal.id());
        map.put("title", goal.title());
        map.put("measure", goal.measure() == null ? "" : goal.measure());
        map.put("progress", (long) goal.progress());
        // lastProgress is what a new check-in's answer is compared with: the figure recorded last time.
        map.put("lastProgress", (long) goal.progress());
        map.put("previousProgress", (long) (goal.previousProgress() == null ? goal.progress() : goal.previousProgress()));
        map.put("checkIns", (long) goal.history().size());
        map.put("due", goal.due() == null ? "" : goal.due().toString());
        map.put("status", goal.status().name().toLowerCase());
        map.put("shared", goal.visibility() == Goal.Visibility.MANAGER);
        return map;
    }

    private Map<String, Object> wheels(String personId) {
        List<WheelRating> latest = wheels.findByPersonIdOrderByAtDesc(personId);
        return Map.of("count", (long) latest.size(),
                "latest", latest.isEmpty() ? Map.of() : wheel(latest.get(0)),
                "previous", latest.size() < 2 ? Map.of() : wheel(latest.get(1)));
    }

    private static Map<String, Object> wheel(WheelRating rating) {
        Map<String, Object> map = new LinkedHashMap<>();
        rating.scores().forEach((area, score) -> map.put(area, (long) score));
        map.put("id", rating.id());
        map.put("at", rating.at().toString());
        map.put("imageId", rating.chartImageId() == null ? "" : rating.chartImageId());
        return map;
    }

    private Map<String, Object> plans(String personId) {
        DevelopmentPlan plan = plans.findById(personId).orElse(null);
        if (plan == null) {
            return Map.of("exists", false, "aspiration", "", "activities", List.of(), "skillGaps", List.of(),
                    "open", 0L);
        }
        List<Map<String, Object>> activities = plan.activities().stream().map(a -> Map.<String, Object>of(
                "id", a.id(), "kind", a.kind().name().toLowerCase(), "description", a.description(),
                "status", a.status().name().toLowerCase(),
                "targetDate", a.targetDate() == null ? "" : a.targetDate().toString())).toList();
        List<Map<String, Object>> gaps = plan.skillGaps().stream().map(g -> Map.<String, Object>of(
                "id", g.id(), "skill", g.skill(), "current", g.current() == null ? 0L : (long) g.current(),
                "target", g.target() == null ? 0L : (long) g.target())).toList();
        long open = plan.activities().stream().filter(a -> a.status() == DevelopmentPlan.ActivityStatus.PLANNED
                || a.status() == DevelopmentPlan.ActivityStatus.IN_PROGRESS).count();
        return Map.of("exists", true, "aspiration", plan.aspiration() == null ? "" : plan.aspiration(),
                "activities", activities, "skillGaps", gaps, "open", open);
    }

    private Map<String, Object> oneOnOnes(String personId, List<Person> reportsOf, String locale) {
        OneOnOne series = oneOnOnes.findById(personId).orElse(null);
        List<Map<String, Object>> reports = reportsOf.stream()
                .map(p -> Map.<String, Object>of("id", p.id(), "name", p.name() == null ? p.id() : p.name())).toList();
        return Map.of("nextDate", series == null || series.nextDate() == null ? "" : series.nextDate().toString(),
                "talkingPoints", series == null ? List.of()
                        : series.openPoints().stream().map(OneOnOne.TalkingPoint::text).toList(),
                "sharedCount", series == null ? 0L : (long) series.sharedPoints().size(),
                "agreedActions", series == null ? List.of()
                        : series.agreedActions().stream().map(OneOnOne.AgreedAction::text).toList(),
                "actionsText", series == null ? "" : series.agreedActions().stream()
                        .skip(Math.max(0, series.agreedActions().size() - 5))
                        .map(a -> OneOnOneActions.line(texts, locale, a, false)).collect(java.util.stream.Collectors.joining("\n")),
                "hasSeries", series != null && series.hasSeries(),
                "reports", reports, "isManager", !reports.isEmpty());
    }

    private Map<String, Object> peer(String personId, Person person) {
        List<PeerSession> all = peerSessions.findByPersonIdOrderByAtDesc(personId);
        PeerSession last = all.isEmpty() ? null : all.get(0);
        return Map.of("optIn", person != null && person.peerCoaching(), "sessions", (long) all.size(),
                "lastNextStep", last == null || last.nextStep() == null ? "" : last.nextStep());
    }

    /** The step planned in the person's last session that planned one: {@code exists}, {@code action}, {@code due}. */
    private Map<String, Object> lastStep(List<CoachingSession> newestFirst, String locale) {
        CoachingSession last = newestFirst.stream().filter(s -> s.action() != null).findFirst().orElse(null);
        if (last == null) return Map.of("exists", false, "action", "", "due", "", "title", "");
        return Map.of("exists", true, "action", last.action(), "due", last.due() == null ? "" : last.due().toString(),
                "title", texts.flowTitle(locale, last.flowId(), last.title()));
    }

    private Map<String, Object> lastSession(String personId, List<CoachingSession> newestFirst, String locale) {
        CoachingSession last = newestFirst.isEmpty() ? null : newestFirst.get(0);
        if (last == null) {
            return Map.of("exists", false, "flowId", "", "title", "", "at", "", "rated", false);
        }
        return Map.of("exists", true, "flowId", last.flowId(),
                "title", texts.flowTitle(locale, last.flowId(), last.title()), "at", last.at().toString(),
                "rated", ratings.existsByPersonIdAndSessionId(personId, last.id()));
    }
}
