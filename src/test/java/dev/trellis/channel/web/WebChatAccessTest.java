package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.trellis.coaching.ChartImages;
import dev.trellis.engine.PersonDirectory;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who may post to the web chat, from where, how fast, and what the browser may keep. */
@WebMvcTest(value = WebChatController.class, properties = {"trellis.web.messages-per-session=3",
        "trellis.web.messages-per-address=5", "trellis.web.sessions-per-address=3"})
@Import({WebMessageReader.class, WebStreams.class, WebOutboundChannel.class, WebChatSecurity.class,
        WebRateLimits.class, WebChatControllerTest.Fakes.class})
@EnableConfigurationProperties(WebProperties.class)
class WebChatAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingInbox inbox;

    @MockitoBean
    ChartImages charts;

    @MockitoBean
    PersonDirectory people;

    @BeforeEach
    void emptyInbox() {
        inbox.clear();
    }

    private String address;
    private String session;

    @BeforeEach
    void ownAddressAndSession() throws Exception {
        address = "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        session = mvc.perform(get("/api/web/history").with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse().getCookie(WebSessionFilter.COOKIE).getValue();
    }

    private MockHttpServletRequestBuilder message() {
        return message(session, address);
    }

    private static MockHttpServletRequestBuilder message(String session, String address) {
        return post("/api/web/messages").cookie(new Cookie(WebSessionFilter.COOKIE, session))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": \"" + UUID.randomUUID() + "\", \"text\": \"hello\"}");
    }

    @Test
    void postWithoutTheCsrfTokenIsRefusedAndNothingIsStored() throws Exception {
        MvcResult result = mvc.perform(message()).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void postFromAnotherSiteIsRefusedEvenWithAToken() throws Exception {
        MvcResult result = mvc.perform(message().with(csrf())
                .header("Origin", "https://evil.example")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getContentAsString()).contains("only from the Trellis page");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void postFromThePageItselfIsTaken() throws Exception {
        MvcResult result = mvc.perform(message().with(csrf())
                .header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        assertThat(inbox.stored()).hasSize(1);
    }

    @Test
    void postThatIsNotJsonIsRefusedWith415() throws Exception {
        MvcResult result = mvc.perform(message().with(csrf())
                .contentType(MediaType.TEXT_PLAIN)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(415);
        assertThat(result.getResponse().getContentAsString()).contains("application/json");
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void sessionPostingFasterThanItsLimitIsAskedToWait() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.perform(message().with(csrf())).andReturn().getResponse().getStatus())
                    .isEqualTo(202);
        }

        MvcResult fourth = mvc.perform(message().with(csrf())).andReturn();

        assertThat(fourth.getResponse().getStatus()).isEqualTo(429);
        assertThat(fourth.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(fourth.getResponse().getContentAsString()).contains("please wait");
        assertThat(inbox.stored()).hasSize(3);
    }

    @Test
    void addressOpeningSessionAfterSessionIsLimitedToo() throws Exception {
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = mvc.perform(get("/api/web/history").with(request -> {
                request.setRemoteAddr("10.0.0.3");
                return request;
            })).andReturn().getResponse().getStatus();
            if (status == 429) refused++;
        }

        assertThat(refused).isEqualTo(3);
    }

    @Test
    void historyIsNeverKeptInACache() throws Exception {
        MvcResult result = mvc.perform(get("/api/web/history").cookie(new Cookie(WebSessionFilter.COOKIE, session)))
                .andReturn();

        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void wellFormedSessionIdTheServerNeverIssuedIsReplaced() throws Exception {
        String chosen = "ZZZZZZZZZZZZZZZZZZZZZZ";

        MvcResult result = mvc.perform(get("/api/web/history").cookie(new Cookie(WebSessionFilter.COOKIE, chosen)))
                .andReturn();

        Cookie issued = result.getResponse().getCookie(WebSessionFilter.COOKIE);
        assertThat(issued).isNotNull();
        assertThat(issued.getValue()).isNotEqualTo(chosen);
    }

    @Test
    void overHttpsTheSessionCookieIsAHostOnlySecureCookie() throws Exception {
        MvcResult result = mvc.perform(get("/api/web/history").secure(true)).andReturn();

        Cookie cookie = result.getResponse().getCookie(WebSessionFilter.SECURE_COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).isNull();
        assertThat(result.getResponse().getCookie(WebSessionFilter.COOKIE)).isNull();
    }
}
