package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.engine.OutboundChannel;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every kind of control the page renders, clicked and typed in a real browser against a scripted bot: the rendering
 * the real flows rely on, independent of which kinds a particular flow happens to use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebChatControlsBrowserTest {

    @TestConfiguration
    static class Script {
        @Bean
        @Primary
        ScriptedBot scriptedBot(List<OutboundChannel> channels) {
            return new ScriptedBot(channels.stream().filter(c -> c.channel().equals("web")).findFirst().orElseThrow());
        }

        @Bean
        @Primary
        FlowCatalog demoCatalog() {
            Flow demo = new Flow("demo", "Every control", "One question of each kind.", null, List.of(), List.of(),
                    Map.of(), null, true, "v1", "", "demo.yaml");
            return new FlowCatalog() {
                public Optional<Flow> current(String id) {
                    return Optional.of(demo).filter(f -> f.id().equals(id));
                }

                public Optional<Flow> version(String id, String version) {
                    return current(id);
                }

                public List<Flow> listed() {
                    return List.of(demo);
                }

                public List<Flow> all() {
                    return List.of(demo);
                }
            };
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
    void everyKindOfQuestionCanBeAnsweredAndStaysAnsweredAfterReload() throws Exception {
        browser.driver.get("http://localhost:" + port + "/");

        browser.waitFor(By.cssSelector("button[data-flow='demo']")).click();
        browser.waitForText(By.id("log"), "Which area matters most right now?");
        assertThat(browser.driver.findElement(By.id("flows")).isDisplayed()).isFalse();

        clickButton("Learning");
        browser.waitForText(By.id("log"), "How satisfied are you with it?");
        assertThat(lastMessage().findElement(By.cssSelector(".scale-labels")).getText())
                .contains("not at all").contains("completely");
        browser.screenshot(Path.of("target", "screenshots", "web-chat-scale.png"));
        clickButton("4");

        browser.waitForText(By.id("log"), "What helps you most?");
        lastMessage().findElement(By.xpath(".//label[contains(., 'Time')]")).click();
        lastMessage().findElement(By.xpath(".//label[contains(., 'People')]")).click();
        browser.screenshot(Path.of("target", "screenshots", "web-chat-multiple.png"));
        clickButton("Send");

        browser.waitForText(By.id("log"), "How many hours a week");
        WebElement hours = lastMessage().findElement(By.cssSelector("input[type=number]"));
        hours.sendKeys("3", Keys.ENTER);

        browser.waitForText(By.id("log"), "By when would you like");
        WebElement date = lastMessage().findElement(By.cssSelector("input[type=date]"));
        date.sendKeys("03152027");
        clickButton("Send");

        browser.waitForText(By.id("log"), "Shall we write it down?");
        clickButton("Yes, please");

        browser.waitForText(By.id("log"), "what is your first step?");
        WebElement say = browser.driver.findElement(By.id("say"));
        say.sendKeys("Book a course", Keys.ENTER);
        browser.waitForText(By.id("log"), "That's all for today.");

        assertTranscript();
        // no chart is stored for this id, so the page says in words what the chart would show
        browser.waitForText(By.id("log"), "Your plan as a chart");

        browser.driver.navigate().refresh();
        browser.waitForText(By.id("log"), "That's all for today.");
        assertTranscript();
        browser.screenshot(Path.of("target", "screenshots", "web-chat-controls.png"));
    }

    @Test
    void pageWithoutAnEventStreamKeepsUpByReadingTheHistory() {
        // as if a proxy cut the stream: the page must fall back to reading the history
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "delete window.EventSource;"));
        browser.driver.get("http://localhost:" + port + "/");

        browser.waitFor(By.cssSelector("button[data-flow='demo']")).click();
        browser.waitForText(By.id("log"), "Which area matters most right now?");
        clickButton("Career");
        browser.waitForText(By.id("log"), "How satisfied are you with it?");

        assertThat(texts("#log .answer")).containsExactly("You answered: Career");
        assertThat(texts("#log .from-person .text")).containsExactly("Every control");
    }

    @Test
    void oversizedMessageIsRefusedAndTheTextIsKeptInTheBox() {
        browser.driver.get("http://localhost:" + port + "/");
        WebElement say = browser.waitFor(By.id("say"));
        // the box itself stops at 4,000 characters; strip that limit to see the server's answer
        browser.driver.executeScript("arguments[0].removeAttribute('maxlength')", say);
        browser.driver.executeScript("arguments[0].value = 'x'.repeat(4001)", say);
        say.sendKeys(Keys.ENTER);

        browser.waitForText(By.id("error"), "too long");
        assertThat(say.getDomProperty("value")).hasSize(4_001);
        assertThat(browser.driver.findElements(By.cssSelector("#log .from-person"))).isEmpty();
    }

    private void assertTranscript() {
        List<String> answers = texts("#log .answer");
        assertThat(answers).containsExactly("You answered: Learning", "You answered: 4",
                "You answered: Time, People", "You answered: 2027-03-15", "You answered: Yes, please");
        assertThat(texts("#log .from-person .text")).containsExactly("Every control", "3", "Book a course");
        assertThat(browser.driver.findElements(By.cssSelector("#log .controls"))).isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#log strong")).getText()).isEqualTo("every");
    }

    private List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private WebElement lastMessage() {
        List<WebElement> messages = browser.driver.findElements(By.cssSelector("#log > li.from-bot"));
        return messages.get(messages.size() - 1);
    }

    private void clickButton(String label) {
        browser.wait.until(d -> {
            WebElement button = lastMessage().findElement(By.xpath(".//button[normalize-space(.)='" + label + "']"));
            if (!button.isEnabled()) return false;
            button.click();
            return true;
        });
    }
}
