package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.trellis.engine.PersonContext;

/**
 * A person whose locale is {@code de} opens the web chat in headless Chromium against the whole application and
 * finds the page itself in German: its send button, the message box, the hint, the menu and the flow list (the
 * session's person is known once a conversation started, as for the flow list).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebChatGermanPageBrowserTest {

    @TestConfiguration
    static class German {
        /** Everyone here has said they speak German (what onboarding's {@code person.update} stores). */
        @Bean
        @Primary
        PersonContext germanPeople() {
            return (channel, personId) -> Map.of("person", Map.of("id", personId, "locale", "de"));
        }
    }

    @LocalServerPort
    int port;

    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aGermanPersonSeesThePageInGerman() {
        // a first visit knows no person yet (English); once a conversation started, the session is that person
        browser.driver.get("http://localhost:" + port + "/");
        browser.waitFor(By.cssSelector("button[data-flow='grow']")).click();
        browser.waitFor(By.cssSelector("#log .from-bot"));
        browser.driver.navigate().refresh();
        browser.wait.until(d -> "de".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        // the menu folds away once the conversation has something in it: its flows are there, not shown
        browser.wait.until(d -> !d.findElements(By.cssSelector("button[data-flow='grow']")).isEmpty());

        assertThat(browser.driver.findElement(By.cssSelector("#composer button[type=submit]")).getText())
                .isEqualTo("Senden");
        assertThat(browser.driver.findElement(By.id("say")).getAttribute("placeholder"))
                .isEqualTo("Nachricht schreiben…");
        assertThat(browser.driver.findElement(By.id("say-hint")).getText())
                .isEqualTo("Du kannst jederzeit hilfe, zurück, stopp oder menü tippen.");
        assertThat(browser.driver.findElements(By.cssSelector("#say-hint kbd"))).hasSize(4);
        assertThat(browser.driver.findElement(By.id("menu-toggle")).getText()).isEqualTo("Ein Gespräch beginnen");
        assertThat(browser.driver.findElement(By.id("export-data")).getText()).isEqualTo("Meine Daten herunterladen");
        assertThat(browser.driver.findElement(By.cssSelector("button[data-flow='grow']")).getAttribute("textContent"))
                .contains("GROW-Coaching");
        assertThat(browser.driver.findElement(By.id("flows-title")).getAttribute("textContent"))
                .isEqualTo("Wähle ein Gespräch");
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .doesNotContain("Type a message", "Start a conversation", "Download my data");
    }
}
