package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person finishes the real {@code grow} flow in headless Chromium, by clicking and typing, against the whole
 * application (inbox, engine, conversation store, web channel), then reloads the page and finds the conversation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebChatBrowserTest {

    private static final String YES = "Yes, that's it";

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
    void personFinishesGrowByClickingAndTypingAndFindsItAgainAfterReload() throws Exception {
        browser.driver.get("http://localhost:" + port + "/");
        WebElement grow = browser.waitFor(By.cssSelector("button[data-flow='grow']"));
        assertThat(grow.getText()).contains("GROW coaching session").contains("goal, reality, options, will");
        browser.screenshot(Path.of("target", "screenshots", "web-chat-start.png"));
        grow.click();

        waitForBot("think through|on your mind|most useful");
        assertThat(botTexts().get(0)).startsWith("Let's take a few minutes");
        type("I want to get better at giving feedback to my team");
        click(YES);
        waitForBot("different by the end|walk away with|worth it");
        type("A plan for how I will give feedback every week");
        click(YES);
        waitForBot("How important is this to you right now\\?");
        assertThat(lastBot().findElement(By.cssSelector(".scale-labels")).getText())
                .contains("nice to have").contains("essential");
        click("8");
        waitForBot("stand today|happening right now|true about");
        type("I only give feedback in annual reviews and it comes too late");
        waitForBot("How do you feel|how does that feel");
        type("Frustrated, honestly");
        waitForBot("already tried|helped so far");
        type("I tried a monthly one-to-one but I skipped it when busy");
        waitForBot("What could you do|options do you see|ways you could move");
        type("Weekly short check-ins, or feedback right after meetings");
        waitForBot("no constraints|someone you admire|Anything goes");
        type("Ask the team how they want feedback");
        waitForBot("first step|smallest step|first");
        type("Book 15 minutes with each person this week");
        waitForBot("By when will you have done it\\?");
        LocalDate due = LocalDate.now().plusDays(9);
        lastBot().findElement(By.cssSelector("input[type=date]"))
                .sendKeys(due.format(DateTimeFormatter.ofPattern("MMddyyyy")));
        click("Send");
        waitForBot("How confident are you");
        click("9");
        waitForBot("take away");
        type("Asking beats guessing");
        waitForBot("Thank");

        assertFinishedConversation();

        browser.driver.navigate().refresh();
        waitForBot("Thank");
        assertFinishedConversation();
        browser.screenshot(Path.of("target", "screenshots", "web-chat.png"));
    }

    @Test
    void typedHelpExplainsAndAsksTheSameQuestionAgainWithOneSetOfButtons() {
        browser.driver.get("http://localhost:" + port + "/");
        browser.waitFor(By.cssSelector("button[data-flow='grow']")).click();
        waitForBot("think through|on your mind|most useful");
        type("I want to get better at giving feedback to my team");
        click(YES);
        waitForBot("different by the end|walk away with|worth it");
        type("A plan for how I will give feedback every week");
        click(YES);
        waitForBot("How important is this to you right now\\?");

        type("help");
        browser.wait.until(d -> String.join("\n", botTexts()).contains("We're in GROW coaching session"));
        waitForBot("How important is this to you right now\\?");
        assertThat(browser.driver.findElements(By.cssSelector("#log .scale-buttons"))).hasSize(1);

        click("8");
        waitForBot("stand today|happening right now|true about");
        assertThat(texts("#log .answer")).endsWith("You answered: 8");
    }

    @Test
    void careerWheelChartLoadsAsAnImageForItsOwner() throws Exception {
        browser.driver.get("http://localhost:" + port + "/");
        browser.waitFor(By.cssSelector("button[data-flow='career-wheel']")).click();
        for (String rating : List.of("7", "8", "4", "5", "8", "3", "6", "5")) click(rating);

        WebElement chart = browser.waitFor(By.cssSelector("#log img[alt='Your career wheel']"));
        browser.wait.until(d -> (Boolean) browser.driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", chart));
        assertThat(chart.getDomAttribute("src")).startsWith("/api/web/images/");
        waitForBot("how do you feel about it\\?");
        browser.screenshot(Path.of("target", "screenshots", "web-chat-chart.png"));
    }

    private void assertFinishedConversation() {
        assertThat(texts("#log .from-person .text")).containsExactly("GROW coaching session",
                "I want to get better at giving feedback to my team",
                "A plan for how I will give feedback every week",
                "I only give feedback in annual reviews and it comes too late",
                "Frustrated, honestly",
                "I tried a monthly one-to-one but I skipped it when busy",
                "Weekly short check-ins, or feedback right after meetings",
                "Ask the team how they want feedback",
                "Book 15 minutes with each person this week",
                "Asking beats guessing");
        List<String> answers = texts("#log .answer");
        assertThat(answers).hasSize(5);
        assertThat(answers).filteredOn(a -> a.equals("You answered: " + YES)).hasSize(2);
        assertThat(answers).contains("You answered: 8", "You answered: 9");
        assertThat(String.join("\n", botTexts()))
                .contains("• Your goal: A plan for how I will give feedback every week")
                .contains("• Your first step: Book 15 minutes with each person this week")
                .contains("• Your takeaway: Asking beats guessing");
        assertThat(browser.driver.findElements(By.cssSelector("#log .controls button:enabled"))).isEmpty();
    }

    private void type(String text) {
        browser.driver.findElement(By.id("say")).sendKeys(text, Keys.ENTER);
    }

    private void click(String label) {
        browser.wait.until(d -> {
            List<WebElement> buttons = lastBot().findElements(
                    By.xpath(".//button[normalize-space(.)=" + xpathString(label) + "]"));
            if (buttons.isEmpty() || !buttons.get(0).isEnabled()) return false;
            buttons.get(0).click();
            return true;
        });
    }

    private void waitForBot(String regex) {
        Pattern pattern = Pattern.compile(regex);
        browser.wait.withMessage(() -> "the last message to match /" + regex + "/, but the page shows "
                + botTexts()).until(d -> pattern.matcher(lastBot().getText()).find());
    }

    private WebElement lastBot() {
        List<WebElement> messages = browser.driver.findElements(By.cssSelector("#log > li.from-bot"));
        return messages.isEmpty() ? browser.driver.findElement(By.id("log")) : messages.get(messages.size() - 1);
    }

    private List<String> botTexts() {
        return texts("#log > li.from-bot .text");
    }

    private List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String xpathString(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
