package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.trellis.coaching.ChartImages;
import dev.trellis.engine.PersonDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(value = WebChatController.class, properties = "trellis.web.enabled=false")
@Import({WebMessageReader.class, WebStreams.class, WebOutboundChannel.class, WebChatSecurity.class,
        WebRateLimits.class, WebChatControllerTest.Fakes.class})
@EnableConfigurationProperties(WebProperties.class)
class WebChatDisabledTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ChartImages charts;

    @MockitoBean
    PersonDirectory people;

    @Test
    void switchedOffWebChatAnswersNotFoundAndIssuesNoSession() throws Exception {
        for (String path : new String[] {"/", "/api/web/flows", "/api/web/history"}) {
            var response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getCookie(WebSessionFilter.COOKIE)).as(path).isNull();
        }
    }
}
