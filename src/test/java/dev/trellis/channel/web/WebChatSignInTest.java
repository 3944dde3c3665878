package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.trellis.coaching.ChartImages;
import dev.trellis.engine.PersonDirectory;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** With the company's OpenID Connect provider configured, only signed-in colleagues reach the web chat. */
@WebMvcTest(WebChatController.class)
@Import({WebMessageReader.class, WebStreams.class, WebOutboundChannel.class, WebChatSecurity.class,
        WebRateLimits.class, WebChatControllerTest.Fakes.class, WebChatSignInTest.Provider.class})
@EnableConfigurationProperties(WebProperties.class)
class WebChatSignInTest {

    @TestConfiguration
    static class Provider {
        @Bean
        ClientRegistrationRepository company() {
            return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("company")
                    .clientId("trellis").clientSecret("secret")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile")
                    .authorizationUri("https://id.example.com/authorize")
                    .tokenUri("https://id.example.com/token")
                    .jwkSetUri("https://id.example.com/jwks")
                    .userNameAttributeName("sub")
                    .build());
        }
    }

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

    @Test
    void pageSendsAStrangerToTheCompanySignIn() throws Exception {
        var response = mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).contains("/oauth2/authorization/company");
        assertThat(response.getCookie(WebSessionFilter.COOKIE)).isNull();
    }

    @Test
    void apiAnswersAStrangerWith401AndStoresNothing() throws Exception {
        assertThat(mvc.perform(get("/api/web/history")).andReturn().getResponse().getStatus()).isEqualTo(401);
        var posted = mvc.perform(post("/api/web/messages").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": \"" + UUID.randomUUID() + "\", \"text\": \"hello\"}")).andReturn().getResponse();

        assertThat(posted.getStatus()).isEqualTo(401);
        assertThat(inbox.stored()).isEmpty();
    }

    @Test
    void signedInColleagueChatsAsThemselvesOnAnyBrowser() throws Exception {
        String body = "{\"id\": \"" + UUID.randomUUID() + "\", \"text\": \"hello\"}";

        var response = mvc.perform(post("/api/web/messages").with(csrf())
                .with(oidcLogin().idToken(token -> token.issuer("https://id.example.com").subject("emp-42")))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getCookie(WebSessionFilter.COOKIE)).isNull();
        assertThat(inbox.stored()).singleElement().satisfies(in -> assertThat(in.userId())
                .isEqualTo(WebUser.signedIn("https://id.example.com", "emp-42").id()));
    }
}
