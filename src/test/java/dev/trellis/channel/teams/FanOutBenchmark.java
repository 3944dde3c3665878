package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.scheduling.Reminder;
import dev.trellis.scheduling.Reminders;

/**
 * A company-wide check-in: {@code bench.people} reminders (10,000 by default; {@code bench.slack-share} of them in
 * the Slack workspace, the rest in the Teams tenant) due at the same minute, set through {@link Reminders} into the
 * real Quartz JDBC store (H2 file), fired by Quartz into the real inbox, engine and outbox on the embedded file-backed
 * MongoDB, and sent through the real Slack and Teams senders to a stub of both platforms that enforces their limits
 * and answers 429 with {@code Retry-After} when one is exceeded: Slack one message a second per channel (bursts of 3)
 * and {@code bench.slack-workspace-limit} a second per workspace, Teams 7 a second per conversation and 50 a second
 * per tenant. Meanwhile a few people on each platform chat with Trellis (signed Slack events, Bot Framework JWTs).
 *
 * <p>Measures each reminder's lateness against its ideal slot (the k-th message of a platform is due at the minute
 * plus k over the pace Trellis gives a fan-out there), how many people got nothing or got the message twice, and how
 * long a chatting person waited for each reply. Not part of {@code verify}; run with
 * {@code ./mvnw -Pbench test -Dtest=FanOutBenchmark}. Writes {@code target/fanout-benchmark.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FanOutBenchmark {

    private static final int PEOPLE = Integer.getInteger("bench.people", 10_000);
    private static final double SLACK_SHARE = Double.parseDouble(System.getProperty("bench.slack-share", "0.4"));
    /** The stub's workspace-wide limit per second; Trellis is set a little under it. */
    private static final int SLACK_WORKSPACE_LIMIT = Integer.getInteger("bench.slack-workspace-limit", 20);
    private static final double SLACK_WORKSPACE_PACE = SLACK_WORKSPACE_LIMIT * 0.9;
    private static final double BULK_SHARE = 0.8;
    private static final int TEAMS_TENANT_LIMIT = 50;
    private static final int CHATTERS = 3;
    private static final long LEAD_SECONDS = Long.getLong("bench.lead-seconds", 150);
    /** The run stops this long after the minute even when not everyone was reached (they count as not reached). */
    private static final long MAX_MINUTES = Long.getLong("bench.max-minutes", 20);
    private static final String SLACK_SECRET = "bench-slack-signing-secret";
    private static final PlatformStub STUB = new PlatformStub();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("trellis-fanout");
        registry.add("trellis.data-dir", data::toString);
        registry.add("teams.app-id", () -> BotFramework.APP_ID);
        registry.add("teams.app-password", () -> "bench");
        registry.add("teams.tenant-id", () -> BotFramework.TENANT);
        registry.add("teams.open-id-metadata-url", BotFramework::metadataUrl);
        registry.add("teams.token-url", BotFramework::tokenUrl);
        registry.add("teams.bulk-share", () -> BULK_SHARE);
        registry.add("slack.bot-token", () -> "xoxb-bench");
        registry.add("slack.team-id", () -> "T1");
        registry.add("slack.signing-secret", () -> SLACK_SECRET);
        registry.add("slack.api-url", () -> STUB.url() + "/api/");
        registry.add("slack.workspace-per-second", () -> SLACK_WORKSPACE_PACE);
        registry.add("slack.bulk-share", () -> BULK_SHARE);
    }

    @LocalServerPort
    int port;
    @Autowired
    Reminders reminders;
    @Autowired
    ConversationReferences references;
    @Autowired
    dev.trellis.engine.PersonDirectory people;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void companyWideCheckInReachesEveryoneOnceOnItsPacedSlotWhileRepliesGoFirst() throws Exception {
        int slackPeople = (int) Math.round(PEOPLE * SLACK_SHARE);
        Instant started = Instant.now();
        Instant due = started.plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        setReminders(slackPeople, due);
        Instant set = Instant.now();
        Map<String, Long> cpuBefore = cpuByThreadGroup();
        long processCpuBefore = processCpuNanos();
        AtomicBoolean fanOutRunning = new AtomicBoolean(true);
        List<Long> slackReplies = Collections.synchronizedList(new ArrayList<>());
        List<Long> teamsReplies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unanswered = new AtomicInteger();
        ExecutorService chatters = Executors.newFixedThreadPool(CHATTERS * 2);
        List<Future<?>> chatting = new ArrayList<>();
        for (int c = 0; c < CHATTERS; c++) {
            int n = c;
            chatting.add(chatters.submit(() -> chat("D-chat-" + n, i -> slackEvent("EvChat" + n + "-" + i,
                    "Uchat" + n, "D-chat-" + n), due, fanOutRunning, slackReplies, unanswered)));
            chatting.add(chatters.submit(() -> chat("a:chat-" + n, i -> teamsMessage("chat" + n + "-" + i,
                    "a:chat-" + n, "aad-chat-" + n), due, fanOutRunning, teamsReplies, unanswered)));
        }

        // nothing can arrive before the minute: a longer lead (-Dbench.lead-seconds) must not look like a stall
        Instant lastProgress = due;
        int lastReached = 0;
        while (true) {
            Thread.sleep(1_000);
            int reached = STUB.reached("Dfan", "a:fan-");
            if (reached != lastReached) {
                lastProgress = Instant.now();
                lastReached = reached;
            }
            if (reached == PEOPLE || Instant.now().isAfter(lastProgress.plusSeconds(180))
                    || Instant.now().isAfter(due.plus(Duration.ofMinutes(MAX_MINUTES)))) {
                break;
            }
        }
        Instant finished = Instant.now();
        long processCpu = processCpuNanos() - processCpuBefore;
        Map<String, Long> cpuAfter = cpuByThreadGroup();
        fanOutRunning.set(false);
        for (Future<?> f : chatting) {
            f.get();
        }
        chatters.shutdown();

        List<Long> slackArrivals = STUB.firstArrivals("Dfan");
        List<Long> teamsArrivals = STUB.firstArrivals("a:fan-");
        double slackPace = SLACK_WORKSPACE_PACE * BULK_SHARE;
        double teamsPace = Math.floor(TEAMS_TENANT_LIMIT * BULK_SHARE);
        List<Long> slackLateness = lateness(slackArrivals, due, slackPace);
        List<Long> teamsLateness = lateness(teamsArrivals, due, teamsPace);
        List<Long> allLateness = new ArrayList<>(slackLateness);
        allLateness.addAll(teamsLateness);
        Collections.sort(allLateness);
        int lost = PEOPLE - slackArrivals.size() - teamsArrivals.size();
        int doubled = STUB.doubled("Dfan") + STUB.doubled("a:fan-");

        String report = String.format("""
                        Fan-out: %,d reminders due at %s (%,d Slack in one workspace, %,d Teams in one tenant), %d CPU cores
                          %,d reminders set in %.1f s (Quartz JDBC, H2 file); fan-out done %.1f s after the minute
                          stub limits: Slack 1/s per channel (burst 3), %d/s per workspace; Teams 7/s per conversation, %d/s per tenant
                          Trellis pace for bulk: Slack %.1f/s (%.0f%% of %.1f/s), Teams %.0f/s (%.0f%% of %d/s)
                          lateness vs ideal paced slot, Slack: %s
                          lateness vs ideal paced slot, Teams: %s
                          lateness vs ideal paced slot, all:   %s
                          not reached by the end of the run (lost, or not yet sent) %d, doubled %d, 429 answers from the stub: Slack %d, Teams %d
                          reply latency while it ran, Slack (%d replies): %s
                          reply latency while it ran, Teams (%d replies): %s
                          messages without a reply within 60 s: %d
                        %s""", PEOPLE, due, slackPeople, PEOPLE - slackPeople, Runtime.getRuntime().availableProcessors(),
                PEOPLE, Duration.between(started, set).toMillis() / 1e3,
                Duration.between(due, finished).toMillis() / 1e3, SLACK_WORKSPACE_LIMIT, TEAMS_TENANT_LIMIT,
                slackPace, BULK_SHARE * 100, SLACK_WORKSPACE_PACE, teamsPace, BULK_SHARE * 100, TEAMS_TENANT_LIMIT,
                quantiles(slackLateness), quantiles(teamsLateness), quantiles(allLateness), lost, doubled,
                STUB.limited("slack"), STUB.limited("teams"), slackReplies.size(), quantiles(sorted(slackReplies)),
                teamsReplies.size(), quantiles(sorted(teamsReplies)), unanswered.get(),
                stages(due, slackArrivals, teamsArrivals) + cpu(cpuBefore, cpuAfter, processCpu));
        System.out.print(report);
        Files.writeString(Path.of("target", "fanout-benchmark.txt"), report);
        assertThat(set).as("all reminders were set before they were due").isBefore(due);
    }

    private void setReminders(int slackPeople, Instant due) throws Exception {
        Instant now = Instant.now();
        for (int i = slackPeople; i < PEOPLE; i++) {
            references.remember(new ConversationReferences.Reference("a:fan-" + i, STUB.url() + "/smba/",
                    BotFramework.TENANT, BotFramework.BOT_ID, "aad-fan-" + i, "29:fan-" + i, "personal", true, null,
                    now, now), now);
        }
        ExecutorService setters = Executors.newFixedThreadPool(4);
        List<Future<?>> set = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            boolean slack = i < slackPeople;
            PlatformIdentity to = slack ? new PlatformIdentity("slack", "T1", "Ufan" + i)
                    : new PlatformIdentity("teams", BotFramework.TENANT, "aad-fan-" + i);
            String address = slack ? "Dfan" + i : "a:fan-" + i;
            // a person Trellis knows: a reminder for an identity nobody has (an erased person) is dropped when it fires
            set.add(setters.submit(() -> reminders.set(Reminder.of(people.resolve(to), "company-checkin", to,
                    address, "goal-checkin", Map.of(), due))));
        }
        for (Future<?> f : set) {
            f.get();
        }
        setters.shutdown();
    }

    /**
     * Where the time went, from the stored inbox events of the reminders: when Quartz fired each one, when the inbox
     * had stored it and when its turn (and the outbox's first try, which books its paced slot) was done, each from
     * the minute, with the pace of each stage; then the platforms' arrivals.
     */
    private String stages(Instant due, List<Long> slackArrivals, List<Long> teamsArrivals) {
        List<Long> fired = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        List<Long> processed = new ArrayList<>();
        for (org.bson.Document event : mongo.find(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("inbound.kind").is("TIMER")
                        .and("inbound.eventId").regex("company-checkin")), org.bson.Document.class, "inbox")) {
            org.bson.Document inbound = event.get("inbound", org.bson.Document.class);
            fired.add(inbound.getDate("receivedAt").getTime() - due.toEpochMilli());
            accepted.add(event.getDate("acceptedAt").getTime() - due.toEpochMilli());
            if (event.getDate("processedAt") != null) {
                processed.add(event.getDate("processedAt").getTime() - due.toEpochMilli());
            }
        }
        List<Long> arrived = new ArrayList<>();
        slackArrivals.forEach(at -> arrived.add(at - due.toEpochMilli()));
        teamsArrivals.forEach(at -> arrived.add(at - due.toEpochMilli()));
        return "  stages, ms from the minute (a negative figure is before it):\n"
                + stage("Quartz fired", fired) + stage("inbox stored", accepted)
                + stage("turn done, slot booked", processed) + stage("platform received", arrived);
    }

    /**
     * CPU time per reminder from the end of setting them to the end of the fan-out, by thread group: unlike the
     * paces, it hardly depends on what else the machine runs, so runs under different loads compare.
     */
    private static String cpu(Map<String, Long> before, Map<String, Long> after, long processNanos) {
        StringBuilder out = new StringBuilder(String.format(
                "  CPU while it ran: %.1f s for the process, %.2f ms a reminder; by threads (ms a reminder):",
                processNanos / 1e9, processNanos / 1e6 / PEOPLE));
        after.forEach((group, nanos) -> out.append(String.format(" %s %.2f,", group,
                (nanos - before.getOrDefault(group, 0L)) / 1e6 / PEOPLE)));
        out.setLength(out.length() - 1);
        return out.append(System.lineSeparator()).toString();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the live threads, by what they do (the name without its number). */
    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            String name = info.getThreadName();
            String group = name.contains("QuartzSchedulerThread") ? "quartz-acquire"
                    : name.contains("_Worker-") ? "quartz-jobs"
                    : name.startsWith("inbox-") ? "inbox"
                    : name.startsWith("outbox-timer") ? "outbox-timers"
                    : name.startsWith("mongo-server-worker") ? "mongo-server"
                    : name.startsWith("http-nio") ? "http" : "other";
            if (nanos > 0) {
                groups.merge(group, nanos, Long::sum);
            }
        }
        return groups;
    }

    private static String stage(String name, List<Long> offsets) {
        List<Long> sorted = sorted(offsets);
        if (sorted.isEmpty()) {
            return String.format("    %-24s none%n", name);
        }
        long span = sorted.get(sorted.size() - 1) - sorted.get(0);
        return String.format("    %-24s %,6d: first %,d, %s; %.1f a second from first to last%n", name,
                sorted.size(), sorted.get(0), quantiles(sorted), span <= 0 ? 0 : (sorted.size() - 1) * 1000.0 / span);
    }

    /** One person chatting: a message, wait for Trellis's answer, a short pause, again, from the minute on. */
    private void chat(String place, java.util.function.IntFunction<HttpRequest> message, Instant due,
                      AtomicBoolean running, List<Long> latencies, AtomicInteger unanswered) {
        try {
            for (int i = 0; running.get(); i++) {
                boolean measured = !Instant.now().isBefore(due);
                long sentAt = System.currentTimeMillis();
                int status = http.send(message.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).isEqualTo(200);
                Long answered = STUB.awaitPost(place, sentAt, Duration.ofSeconds(60));
                if (answered == null) {
                    unanswered.incrementAndGet();
                } else if (measured) {
                    latencies.add(answered - sentAt);
                }
                Thread.sleep(measured ? 2_000 : 5_000);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest slackEvent(String eventId, String user, String channel) {
        String json = """
                {"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"%s",
                 "event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"%s","user":"%s","text":"hello",
                          "ts":"%d.000100","event_ts":"%d.000100"}}""".formatted(eventId, channel, user,
                Instant.now().getEpochSecond(), Instant.now().getEpochSecond());
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + json)
                    .getBytes(StandardCharsets.UTF_8)));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/events"))
                    .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest teamsMessage(String id, String conversation, String aad) {
        String serviceUrl = STUB.url() + "/smba/";
        String body = BotFramework.message(id, conversation, aad, "hello").replace(BotFramework.serviceUrl(),
                serviceUrl);
        String token = BotFramework.token(BotFramework.TEAMS_KEY, BotFramework.ISSUER, BotFramework.APP_ID, serviceUrl,
                Instant.now().plusSeconds(3600));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The k-th arrival (in arrival order) against its ideal slot {@code due + k / pace}, in milliseconds. */
    private static List<Long> lateness(List<Long> arrivals, Instant due, double pace) {
        List<Long> late = new ArrayList<>();
        for (int k = 0; k < arrivals.size(); k++) {
            long ideal = due.toEpochMilli() + Math.round(k * 1000 / pace);
            late.add(arrivals.get(k) - ideal);
        }
        Collections.sort(late);
        return late;
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static String quantiles(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return "none";
        }
        return String.format("p50 %,d ms, p90 %,d ms, p99 %,d ms, max %,d ms", at(sorted, 0.5), at(sorted, 0.9),
                at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /**
     * Slack's Web API and the Bot Connector as far as sending goes, with their limits: a request over a limit gets
     * 429 and {@code Retry-After: 1} and is not delivered. Records every delivered post with its arrival time.
     */
    static final class PlatformStub {

        private record Post(long at, String body) {
        }

        private final HttpServer server;
        private final Map<String, List<Post>> posts = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> limited = new ConcurrentHashMap<>();
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        PlatformStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static final class Bucket {
            final double perSecond;
            final double burst;
            double tokens;
            long at = System.nanoTime();

            Bucket(double perSecond, double burst) {
                this.perSecond = perSecond;
                this.burst = burst;
                this.tokens = burst;
            }

            synchronized boolean has() {
                long now = System.nanoTime();
                tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
                at = now;
                return tokens >= 1;
            }

            synchronized void take() {
                tokens -= 1;
            }
        }

        private synchronized boolean admit(List<Bucket> limits) {
            for (Bucket bucket : limits) {
                if (!bucket.has()) {
                    return false;
                }
            }
            limits.forEach(Bucket::take);
            return true;
        }

        private Bucket bucket(String key, double perSecond, double burst) {
            return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, burst));
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (path.equals("/api/chat.postMessage")) {
                String channel = formValue(body, "channel");
                if (!admit(List.of(bucket("slack-channel:" + channel, 1, 3),
                        bucket("slack-workspace", SLACK_WORKSPACE_LIMIT, SLACK_WORKSPACE_LIMIT)))) {
                    limited.computeIfAbsent("slack", k -> new AtomicInteger()).incrementAndGet();
                    answer(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                    return;
                }
                record(channel, formValue(body, "text"));
                answer(exchange, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + System.nanoTime()
                        + ".000100\"}");
            } else if (path.startsWith("/api/")) {
                answer(exchange, 200, path.endsWith("users.info")
                        ? "{\"ok\":true,\"user\":{\"id\":\"U\",\"tz\":\"Europe/Berlin\",\"profile\":{}}}"
                        : "{\"ok\":true}");
            } else if (path.startsWith("/smba/v3/conversations/") && "POST".equals(exchange.getRequestMethod())) {
                String conversation = URLDecoder.decode(path.substring("/smba/v3/conversations/".length(),
                        path.indexOf("/activities")), StandardCharsets.UTF_8);
                if (!admit(List.of(bucket("teams-conversation:" + conversation, 7, 7),
                        bucket("teams-tenant", TEAMS_TENANT_LIMIT, TEAMS_TENANT_LIMIT)))) {
                    limited.computeIfAbsent("teams", k -> new AtomicInteger()).incrementAndGet();
                    answer(exchange, 429, "{}");
                    return;
                }
                record(conversation, body);
                answer(exchange, 201, "{\"id\":\"1:" + System.nanoTime() + "\"}");
            } else {
                answer(exchange, 200, "{\"id\":\"x\"}");
            }
        }

        private void record(String place, String body) {
            posts.computeIfAbsent(place, p -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Post(System.currentTimeMillis(), body));
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (status == 429) {
                exchange.getResponseHeaders().set("Retry-After", "1");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static String formValue(String body, String name) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return "";
        }

        /** People (places starting with one of {@code prefixes}) who got at least one post. */
        int reached(String... prefixes) {
            int count = 0;
            for (String place : posts.keySet()) {
                for (String prefix : prefixes) {
                    if (place.startsWith(prefix)) {
                        count++;
                    }
                }
            }
            return count;
        }

        /** Each place's first post, in arrival order. */
        List<Long> firstArrivals(String prefix) {
            List<Long> first = new ArrayList<>();
            posts.forEach((place, list) -> {
                if (place.startsWith(prefix)) {
                    synchronized (list) {
                        first.add(list.stream().mapToLong(Post::at).min().orElseThrow());
                    }
                }
            });
            Collections.sort(first);
            return first;
        }

        /** Places that got the same post twice. */
        int doubled(String prefix) {
            int doubled = 0;
            for (Map.Entry<String, List<Post>> entry : posts.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    synchronized (entry.getValue()) {
                        if (entry.getValue().stream().map(Post::body).distinct().count() < entry.getValue().size()) {
                            doubled++;
                        }
                    }
                }
            }
            return doubled;
        }

        int limited(String platform) {
            return limited.getOrDefault(platform, new AtomicInteger()).get();
        }

        /** When the first post to {@code place} at or after {@code since} arrived; null when none came in time. */
        Long awaitPost(String place, long since, Duration timeout) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (System.currentTimeMillis() < deadline) {
                List<Post> list = posts.get(place);
                if (list != null) {
                    synchronized (list) {
                        for (Post post : list) {
                            if (post.at() >= since) {
                                return post.at();
                            }
                        }
                    }
                }
                Thread.sleep(10);
            }
            return null;
        }
    }
}
