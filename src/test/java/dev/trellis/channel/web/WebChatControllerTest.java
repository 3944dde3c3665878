package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.trellis.coaching.ChartImages;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebMvcTest(WebChatController.class)
@Import({WebMessageReader.class, WebStreams.class, WebOutboundChannel.class, WebChatSecurity.class,
        WebRateLimits.class, WebChatControllerTest.Fakes.class})
@EnableConfigurationProperties(WebProperties.class)
class WebChatControllerTest {

    private static final String SESSION = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final WebUser USER = WebUser.of(SESSION);
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TestConfiguration
    static class Fakes {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        WebSessions sessions() {
            Set<String> issued = ConcurrentHashMap.newKeySet();
            issued.add(USER.id());
            return new WebSessions() {
                public boolean issued(WebUser user) {
                    return issued.contains(user.id());
                }

                public void issue(WebUser user) {
                    issued.add(user.id());
                }

                public void end(String userId) {
                    issued.remove(userId);
                }
            };
        }

        @Bean
        RecordingInbox inbox() {
            return new RecordingInbox();
        }

        @Bean
        FlowCatalog flows() {
            Flow grow = flow("grow", "GROW coaching session", true);
            Flow hidden = flow("manager-nudge", "Nudge", false);
            return new FlowCatalog() {
                public Optional<Flow> current(String id) {
                    return all().stream().filter(f -> f.id().equals(id)).findFirst();
                }

                public Optional<Flow> version(String id, String version) {
                    return current(id);
                }

                public List<Flow> listed() {
                    return List.of(grow);
                }

                public List<Flow> all() {
                    return List.of(grow, hidden);
                }
            };
        }

        @Bean
        dev.trellis.flow.MessageBundle messages() {
            return dev.trellis.flow.YamlMessageBundle.load(java.nio.file.Path.of("conversation-flows", "messages"));
        }

        /** The person behind {@code person-de} speaks German; everyone else English. */
        @Bean
        dev.trellis.engine.PersonContext personContext() {
            return (channel, personId) -> Map.of("person", Map.of("locale", "person-de".equals(personId) ? "de" : "en"));
        }

        @Bean
        ChatHistory history() {
            return conversationId -> conversationId.equals(USER.conversationId())
                    ? new ChatHistory.Transcript(List.of(
                            ChatEntry.person("e1", "I want to run a marathon"),
                            ChatEntry.bot(conversationId, Outbound.text("m1", "What is true today?"))), "c7")
                    : new ChatHistory.Transcript(List.of(), null);
        }

        private static Flow flow(String id, String title, boolean listed) {
            return new Flow(id, title, "One line about " + id, null, List.of(), List.of(), Map.of(), null, listed,
                    "v1", "", id + ".yaml");
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingInbox inbox;

    @Autowired
    WebOutboundChannel channel;

    @MockitoBean
    ChartImages charts;

    @MockitoBean
    PersonDirectory people;

    @BeforeEach
    void emptyInbox() {
        inbox.clear();
    }

    private MvcResult postJson(byte[] body) throws Exception {
        return mvc.perform(post("/api/web/messages").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private MvcResult postJson(String body) throws Exception {
        return postJson(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void typedTextIsStoredAsAMessageOfTheCookieSession() throws Exception {
        String id = id();
        MvcResult result = postJson("{\"id\": \"" + id + "\", \"text\": \"I want to run a marathon\"}");

        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        assertThat(result.getResponse().getContentAsString()).contains("\"status\":\"accepted\"");
        assertThat(inbox.stored()).singleElement().satisfies(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.MESSAGE);
            assertThat(in.channel()).isEqualTo("web");
            assertThat(in.eventId()).isEqualTo(USER.id() + ":" + id);
            assertThat(in.workspace()).isEqualTo("web");
            assertThat(in.userId()).isEqualTo(USER.id());
            assertThat(in.address()).isEqualTo(USER.id());
            assertThat(in.conversationId()).isEqualTo("web:web:" + USER.id());
            assertThat(in.text()).isEqualTo("I want to run a marathon");
            assertThat(in.receivedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void clickIsStoredWithItsControlAndValues() throws Exception {
        postJson("{\"id\": \"" + id() + "\", \"controlId\": \"c7\", \"values\": [\"a\", \"b\"]}");

        assertThat(inbox.stored()).singleElement().satisfies(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.ACTION);
            assertThat(in.controlId()).isEqualTo("c7");
            assertThat(in.values()).containsExactly("a", "b");
        });
    }

    @Test
    void commandStartsTheNamedFlow() throws Exception {
        postJson("{\"id\": \"" + id() + "\", \"command\": \"grow\"}");

        assertThat(inbox.stored()).singleElement().satisfies(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.COMMAND);
            assertThat(in.text()).isEqualTo("grow");
        });
    }

    @Test
    void postedTwiceWithTheSameIdIsStoredOnceAndReportedAsDuplicate() throws Exception {
        String body = "{\"id\": \"" + id() + "\", \"text\": \"hello\"}";

        MvcResult first = postJson(body);
        MvcResult second = postJson(body);

        assertThat(first.getResponse().getContentAsString()).contains("\"status\":\"accepted\"");
        assertThat(second.getResponse().getStatus()).isEqualTo(202);
        assertThat(second.getResponse().getContentAsString()).contains("\"status\":\"duplicate\"");
        assertThat(inbox.stored()).hasSize(1);
    }

    @Test
    void nonJsonBodyIsRefusedWithAClearMessage() throws Exception {
        MvcResult result = postJson("hello, is anybody there?");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        assertThat(result.getResponse().getContentAsString()).contains("\"error\"").contains("not valid JSON");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void invalidUtf8BytesAreRefusedNotReplaced() throws Exception {
        byte[] prefix = ("{\"id\": \"" + id() + "\", \"text\": \"caf").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3; // a lead byte followed by something that cannot continue it
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = (byte) '"';

        MvcResult result = postJson(body);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("not valid UTF-8");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void messageOverFourThousandCharactersIsRefusedWith413AndNothingIsStored() throws Exception {
        MvcResult result = postJson("{\"id\": \"" + id() + "\", \"text\": \"" + "a".repeat(4_001) + "\"}");

        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(result.getResponse().getContentAsString()).contains("too long").contains("4,000 characters");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void messageOfExactlyFourThousandCharactersIsTaken() throws Exception {
        // characters, not bytes: 4,000 two-byte letters are still within the limit
        MvcResult result = postJson("{\"id\": \"" + id() + "\", \"text\": \"" + "é".repeat(4_000) + "\"}");

        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        assertThat(inbox.stored()).singleElement().satisfies(in -> assertThat(in.text()).hasSize(4_000));
    }

    @Test
    void hugeBodyIsRefusedWith413WithoutBeingParsed() throws Exception {
        MvcResult result = postJson("[" + "1,".repeat(40_000) + "1]");

        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void missingFieldsAreNamedInTheError() throws Exception {
        assertThat(refusal("{\"text\": \"hello\"}")).contains("no \\\"id\\\"");
        assertThat(refusal("{\"id\": \"" + id() + "\"}")).contains("exactly one of");
        assertThat(refusal("{\"id\": \"" + id() + "\", \"controlId\": \"c7\"}")).contains("\\\"values\\\"");
        assertThat(refusal("{\"id\": \"not-a-uuid\", \"text\": \"hello\"}")).contains("UUID");
        assertThat(refusal("{\"id\": \"" + id() + "\", \"text\": \"   \"}")).contains("empty");
        assertThat(refusal("[\"hello\"]")).contains("JSON object");
        assertThat(refusal("")).contains("empty");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void zeroWidthCharactersAloneAreAnEmptyMessage() throws Exception {
        assertThat(refusal("{\"id\": \"" + id() + "\", \"text\": \"\\u200B\\u200D\\uFEFF \\u2060\"}"))
                .contains("empty");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void controlBidiAndZeroWidthCharactersAreTakenOutOfWhatIsStored() throws Exception {
        postJson("{\"id\": \"" + id() + "\", \"text\": \"pay \\u202Eraise\\u202C\\u0007 for\\u200B me\\r\\nplease\"}");

        assertThat(inbox.stored()).singleElement()
                .satisfies(in -> assertThat(in.text()).isEqualTo("pay raise for me\nplease"));
    }

    @Test
    void deeplyNestedJsonIsRefusedAsMalformedAndNothingIsStored() throws Exception {
        String nested = "{\"id\": \"" + id() + "\", \"text\": \"hi\", \"x\": " + "[".repeat(5_000)
                + "]".repeat(5_000) + "}";

        MvcResult result = postJson(nested);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("not valid JSON");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void mongoOperatorInPlaceOfTextIsRefusedAndAsTextIsKeptWordForWord() throws Exception {
        assertThat(refusal("{\"id\": \"" + id() + "\", \"text\": {\"$gt\": \"\"}}")).contains("must be a string");
        assertThat(inbox.stored()).isEmpty();

        postJson("{\"id\": \"" + id() + "\", \"text\": \"{\\\"$gt\\\": \\\"\\\"}\"}");

        assertThat(inbox.stored()).singleElement().satisfies(in -> assertThat(in.text()).isEqualTo("{\"$gt\": \"\"}"));
    }

    @Test
    void personIdInTheBodyIsIgnoredTheSessionDecidesWhoIsSpeaking() throws Exception {
        postJson("{\"id\": \"" + id() + "\", \"text\": \"hello\", \"userId\": \"someone-else\","
                + " \"personId\": \"p-someone-else\", \"conversationId\": \"web:web:someone-else\"}");

        assertThat(inbox.stored()).singleElement().satisfies(in -> {
            assertThat(in.userId()).isEqualTo(USER.id());
            assertThat(in.conversationId()).isEqualTo("web:web:" + USER.id());
        });
    }

    private String refusal(String body) throws Exception {
        MvcResult result = postJson(body);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
        return result.getResponse().getContentAsString();
    }

    @Test
    void firstVisitGetsAnHttpOnlySameSiteSessionCookie() throws Exception {
        MvcResult result = mvc.perform(get("/api/web/history")).andReturn();

        String cookie = result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(c -> c.startsWith("trellis_session=")).findFirst().orElseThrow();
        assertThat(cookie).matches("trellis_session=[A-Za-z0-9_-]{22};.*")
                .contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    }

    @Test
    void openingThePageStartsASession() throws Exception {
        MvcResult result = mvc.perform(get("/")).andReturn();

        assertThat(result.getResponse().getCookie("trellis_session")).isNotNull();
        assertThat(result.getResponse().getCookie("trellis_session").isHttpOnly()).isTrue();
    }

    @Test
    void pageAllowsOnlyItsOwnScriptsAndCannotBeFramed() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void everyNewVisitorGetsADifferentSession() throws Exception {
        String first = mvc.perform(get("/api/web/flows")).andReturn().getResponse().getCookie("trellis_session")
                .getValue();
        String second = mvc.perform(get("/api/web/flows")).andReturn().getResponse().getCookie("trellis_session")
                .getValue();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void knownSessionKeepsItsCookieAndSeesItsHistory() throws Exception {
        mvc.perform(get("/api/web/history").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION)))
                .andExpect(status().isOk())
                .andExpect(cookie().doesNotExist("trellis_session"))
                .andExpect(jsonPath("$.openControl").value("c7"))
                .andExpect(jsonPath("$.entries[0].from").value("person"))
                .andExpect(jsonPath("$.entries[0].text").value("I want to run a marathon"))
                .andExpect(jsonPath("$.entries[1].from").value("bot"))
                .andExpect(jsonPath("$.entries[1].kind").value("TEXT"));
    }

    @Test
    void forgedCookieValueIsReplacedByANewSession() throws Exception {
        MvcResult result = mvc.perform(get("/api/web/history")
                .cookie(new Cookie(WebSessionFilter.COOKIE, "../../etc"))).andReturn();

        assertThat(result.getResponse().getCookie("trellis_session").getValue()).matches("[A-Za-z0-9_-]{22}");
        assertThat(result.getResponse().getContentAsString()).contains("\"entries\":[]");
    }

    @Test
    void flowListShowsOnlyListedFlows() throws Exception {
        mvc.perform(get("/api/web/flows"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("grow"))
                .andExpect(jsonPath("$[0].title").value("GROW coaching session"))
                .andExpect(jsonPath("$[0].description").value("One line about grow"));
    }

    @Test
    void aGermanPersonSeesTheFlowListInGerman() throws Exception {
        given(people.find(USER.identity())).willReturn(Optional.of("person-de"));

        mvc.perform(get("/api/web/flows").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("grow"))
                .andExpect(jsonPath("$[0].title").value("GROW-Coaching"))
                .andExpect(jsonPath("$[0].description").value(org.hamcrest.Matchers.startsWith("Denk etwas")));
    }

    @Test
    void aGermanPersonsPageSaysSendenAndTypeAMessageInGerman() throws Exception {
        given(people.find(USER.identity())).willReturn(Optional.of("person-de"));

        mvc.perform(get("/api/web/labels").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locale").value("de"))
                .andExpect(jsonPath("$.labels.send").value("Senden"))
                .andExpect(jsonPath("$.labels.placeholder").value("Nachricht schreiben…"))
                .andExpect(jsonPath("$.labels.hint").value(org.hamcrest.Matchers.containsString("*hilfe*")))
                .andExpect(jsonPath("$.labels.refused").value("Trellis konnte diese Nachricht nicht annehmen (Fehler {{status}})."));
    }

    @Test
    void anEnglishPersonsPageKeepsItsEnglishLabelsForEveryWordThePageShows() throws Exception {
        var result = mvc.perform(get("/api/web/labels").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locale").value("en"))
                .andExpect(jsonPath("$.labels.send").value("Send"))
                .andExpect(jsonPath("$.labels.placeholder").value("Type a message…"))
                .andReturn();
        String chatJs = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/static/chat.js"));
        var labels = com.jayway.jsonpath.JsonPath.<Map<String, String>>read(result.getResponse().getContentAsString(),
                "$.labels");

        // the page's own English words are the ones the server gives an English person: nothing changes for them
        assertThat(labels.keySet()).containsExactlyInAnyOrderElementsOf(WebChatController.PAGE_WORDS);
        labels.forEach((key, text) -> assertThat(chatJs).contains("    " + key + ": '" + text + "',"));
    }

    @Test
    void chartOfThisSessionIsServedAsPng() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        given(people.find(USER.identity())).willReturn(Optional.of("person-1"));
        given(charts.find("chart-1", "person-1"))
                .willReturn(Optional.of(new ChartImages.Image("chart-1", "image/png", png)));

        mvc.perform(get("/api/web/images/chart-1").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(png));
    }

    @Test
    void chartOfAnotherSessionIsNotFound() throws Exception {
        given(people.find(USER.identity())).willReturn(Optional.of("person-1"));
        given(charts.find("chart-1", "person-1")).willReturn(Optional.of(new ChartImages.Image("chart-1", "image/png",
                new byte[] {1})));

        Cookie otherSession = new Cookie(WebSessionFilter.COOKIE, "BBBBBBBBBBBBBBBBBBBBBB");
        mvc.perform(get("/api/web/images/chart-1").cookie(otherSession))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").exists());
    }

    @Test
    void deliveredMessageReachesTheSessionsOpenStream() throws Exception {
        MvcResult stream = mvc.perform(get("/api/web/stream").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION)))
                .andExpect(request().asyncStarted())
                .andReturn();
        String messageId = USER.conversationId() + ":3:1";
        Outbound scale = new Outbound(messageId, Outbound.Kind.SCALE, "How close are you?", List.of(), false, 1, 10,
                "not at all", "completely", "c9", null);

        Delivery delivery = channel.deliver(new Recipient(USER.conversationId(), "web", "web", USER.id(),
                "person-1", USER.id(), Map.of()), scale);

        assertThat(delivery).isEqualTo(new Delivery.Sent(messageId));
        assertThat(stream.getResponse().getContentAsString())
                .contains("id:3:1")
                .doesNotContain(SESSION)
                .contains("\"kind\":\"SCALE\"")
                .contains("\"controlId\":\"c9\"")
                .contains("\"maxLabel\":\"completely\"");
    }

    @Test
    void messageForAnotherSessionDoesNotReachThisStream() throws Exception {
        MvcResult stream = mvc.perform(get("/api/web/stream").cookie(new Cookie(WebSessionFilter.COOKIE, SESSION)))
                .andReturn();

        channel.deliver(new Recipient("web:other", "web", "web", "other", "other", "other", Map.of()), Outbound.text("m1", "hi"));

        assertThat(stream.getResponse().getContentAsString()).doesNotContain("m1");
    }

    @Test
    void messageIsSentEvenWhenNoBrowserIsConnected() {
        Delivery delivery = channel.deliver(new Recipient("web:nobody", "web", "web", "nobody", "nobody", "nobody", Map.of()),
                Outbound.text("m2", "Welcome back"));

        assertThat(delivery).isEqualTo(new Delivery.Sent("m2"));
    }
}
