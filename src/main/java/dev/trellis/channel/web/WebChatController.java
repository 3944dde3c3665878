package dev.trellis.channel.web;

import dev.trellis.coaching.ChartImages;
import dev.trellis.privacy.PersonalExport;
import org.springframework.beans.factory.ObjectProvider;
import dev.trellis.engine.PersonContext;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.inbox.Inbox;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web chat's JSON API. Every call belongs to one {@link WebUser} (a signed-in employee or a browser's session,
 * see {@link WebSessionFilter}) with one {@code web} conversation. A posted message is checked, stored in
 * the inbox and answered with 202; the bot's replies arrive on the event stream and in the history.
 */
@RestController
@RequestMapping("/api/web")
class WebChatController {

    private final Inbox inbox;
    private final FlowCatalog flows;
    private final ChatHistory history;
    private final WebStreams streams;
    private final WebMessageReader reader;
    private final ChartImages charts;
    // optional, so the web slice runs without the privacy feature; without it no export is found
    private final ObjectProvider<PersonalExport> exports;
    private final PersonDirectory people;
    private final Clock clock;
    // optional, so the web slice runs without the coaching feature and the message files: English titles then
    private final ObjectProvider<PersonContext> context;
    private final ObjectProvider<MessageBundle> messages;

    WebChatController(Inbox inbox, FlowCatalog flows, ChatHistory history, WebStreams streams,
                      WebMessageReader reader, ChartImages charts, PersonDirectory people, ObjectProvider<PersonalExport> exports,
                      Clock clock, ObjectProvider<PersonContext> context, ObjectProvider<MessageBundle> messages) {
        this.context = context;
        this.messages = messages;
        this.exports = exports;
        this.inbox = inbox;
        this.flows = flows;
        this.history = history;
        this.streams = streams;
        this.reader = reader;
        this.charts = charts;
        this.people = people;
        this.clock = clock;
    }

    /** A flow the page offers to start. */
    record FlowChoice(String id, String title, String description) {
    }

    /** The flows to start, titled in the person's language (the one their conversations use). */
    @GetMapping("/flows")
    List<FlowChoice> flows(@RequestAttribute(name = WebSessionFilter.USER, required = false) WebUser user) {
        String locale = localeOf(user);
        MessageBundle bundle = messages.getIfAvailable();
        return flows.listed().stream().map(f -> new FlowChoice(f.id(),
                word(bundle, locale, "flows." + f.id() + ".title", f.title()),
                word(bundle, locale, "flows." + f.id() + ".description", f.description()))).toList();
    }

    /** The page's own words ({@code trellis.web.*} and {@code trellis.controls.*}) a page of this session shows. */
    static final List<String> PAGE_WORDS = List.of("skip", "startConversation", "downloadData", "chooseConversation",
            "noConversations", "conversation", "yourMessage", "placeholder", "send", "hint", "youSaid", "chart",
            "choose", "chooseOne", "yourNumber", "yourDate", "please", "youAnswered", "unreachable", "refused");

    record PageLabels(String locale, Map<String, String> labels) {
    }

    /**
     * The page's labels (send button, placeholders, status texts) in the person's language, the one their flow list
     * uses; the page keeps its English words for any it does not get.
     */
    @GetMapping("/labels")
    PageLabels labels(@RequestAttribute(name = WebSessionFilter.USER, required = false) WebUser user) {
        String locale = localeOf(user);
        MessageBundle bundle = messages.getIfAvailable();
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        if (bundle != null) {
            for (String key : PAGE_WORDS) {
                bundle.variants(locale, "trellis.web." + key).stream().findFirst().ifPresent(l -> labels.put(key, l));
            }
        }
        return new PageLabels(locale, labels);
    }

    private String localeOf(WebUser user) {
        PersonContext known = context.getIfAvailable();
        if (user == null || known == null) return "en";
        return people.find(user.identity())
                .flatMap(personId -> known.locale(WebOutboundChannel.CHANNEL, personId)).orElse("en");
    }

    private static String word(MessageBundle bundle, String locale, String key, String fallback) {
        if (bundle == null) return fallback;
        return bundle.variants(locale, key).stream().findFirst().orElse(fallback);
    }

    @GetMapping("/history")
    ResponseEntity<ChatHistory.Transcript> history(@RequestAttribute(WebSessionFilter.USER) WebUser user) {
        // what a person wrote must not stay in a shared computer's or a proxy's cache
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(history.load(user.conversationId()));
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, String>> post(@RequestAttribute(WebSessionFilter.USER) WebUser user,
                                             InputStream body) throws IOException {
        WebMessage message = reader.read(body);
        Inbox.Receipt receipt = inbox.accept(message.toInbound(user, clock.instant()));
        String status = receipt == Inbox.Receipt.DUPLICATE ? "duplicate" : "accepted";
        return ResponseEntity.accepted().body(Map.of("status", status));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> stream(@RequestAttribute(WebSessionFilter.USER) WebUser user) {
        return streams.open(user.id()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, "30")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("error", "Too many open chat windows on this server; the page will poll instead.")));
    }

    /** A chart a message of this conversation shows; only the person who owns it can load it. */
    @GetMapping("/images/{imageId}")
    ResponseEntity<?> image(@RequestAttribute(WebSessionFilter.USER) WebUser user,
                            @PathVariable String imageId) {
        return people.find(user.identity()).flatMap(person -> charts.find(imageId, person))
                .<ResponseEntity<?>>map(image -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(image.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                        .body(image.data()))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "There is no such image in this conversation."));
    }

    /**
     * A data export's file ({@code json} or {@code markdown}), only for the person of this session: an export id of
     * someone else, or a forged one, is not found. Never cached.
     */
    @GetMapping("/exports/{exportId}/{format}")
    ResponseEntity<?> export(@RequestAttribute(WebSessionFilter.USER) WebUser user, @PathVariable String exportId,
                             @PathVariable String format) {
        if (!format.equals("json") && !format.equals("markdown")) {
            return error(HttpStatus.NOT_FOUND, "There is no such file.");
        }
        PersonalExport prepared = exports.getIfAvailable();
        if (prepared == null) return error(HttpStatus.NOT_FOUND, "There is no such export for you.");
        return people.find(user.identity()).flatMap(person -> prepared.find(exportId, person))
                .<ResponseEntity<?>>map(files -> {
                    boolean json = format.equals("json");
                    return ResponseEntity.ok()
                            .contentType(json ? MediaType.APPLICATION_JSON
                                    : MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename(json ? files.jsonName() : files.markdownName()).build().toString())
                            .cacheControl(CacheControl.noStore())
                            .body(json ? files.json() : files.markdown());
                })
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "There is no such export for you."));
    }

    @ExceptionHandler(BadWebMessage.class)
    ResponseEntity<Map<String, String>> refused(BadWebMessage e) {
        return error(e.status(), e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
