package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every shipped flow can be finished in Teams: the person's side of a transcript ({@code conversation-flows/tests})
 * is played as typed messages, {@code /coach} commands and card submits in a personal chat, and everything the bot
 * says in the transcript, up to where time would have to pass, must reach the chat in order.
 */
class TeamsFlowsTest extends TeamsTestEnvironment {

    private static final Pattern REGEX = Pattern.compile("^/(.*)/$", Pattern.DOTALL);

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({
            "ask-feedback, ask-feedback-demo,",
            "career-conversation, career-conversation-manager,",
            "career-plan, career-plan-five-phases,",
            "career-wheel, career-wheel-first-and-again,",
            // the answers that keep the data; the erasure itself is ErasureLeavesNothingTest
            "delete-my-data, delete-my-data-confirmation, 8",
            "development-plan, development-plan-activities,",
            // the files come as consent cards; allowing them is TeamsExportFileTest
            "export, export-files,",
            "feedback, feedback-sbi,",
            "goal-checkin, goal-checkin-no-goals,",
            "grow, grow-happy-path,",
            // giving a code; entering one is SlackAndTeamsLinkedTest (the transcript's codes are seeded by its test)
            "link, link-codes, 4",
            // naming someone Trellis knows needs the people TranscriptPeople seeds for the engine's transcript test
            "manager, manager-name-messy, 4",
            "manager-nudge, manager-nudge-no-reports,",
            "mentoring-prep, mentoring-prep-first-session,",
            "onboarding, onboarding-first-week,",
            "one-on-one-actions, one-on-one-actions-messy,",
            "one-on-one-prep, one-on-one-prep-no-notes,",
            "peer-coaching, peer-coaching-live,",
            "pinnacles-foothills, pinnacles-foothills-reflection,",
            // nothing shared yet; sharing and withdrawing are the transcript's (dates on its clock) and
            // ManagerSeesOnlyWhatIsSharedTest
            "privacy, privacy-withdraw-messy, 2",
            "recognition, recognition-specific,",
            // nothing scheduled yet: what follows sets reminders on the transcript's clock, which Teams tests do not have
            "reminders, reminders-pause-and-resume, 2",
            "session-feedback, session-feedback-rating,",
            "smart-goal, smart-goal-good-enough,",
            "tech-or-management, tech-or-management-leaning,"})
    void flowCanBeFinishedWithMessagesAndCardSubmits(String flow, String transcript, Integer entriesToPlay)
            throws Exception {
        List<Map<String, Object>> entries = entries(transcript);
        if (entriesToPlay != null) {
            entries = entries.subList(0, entriesToPlay);
        }
        TeamsPerson person = new TeamsPerson(port, mongo, "aad-flow-" + flow, personName(transcript));
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            if (entry.containsKey("wait") || entry.containsKey("restart")) {
                break; // what follows needs time to pass: the engine's transcript test covers it
            }
            if (entry.containsKey("command")) {
                person.says("/coach " + entry.get("command"));
            } else if (entry.containsKey("user")) {
                person.says(String.valueOf(entry.get("user")));
            } else if (entry.containsKey("click")) {
                person.clicks(String.valueOf(entry.get("click")));
            } else if (entry.containsKey("bot")) {
                expected.add(String.valueOf(entry.get("bot")));
            }
        }
        assertThat(flowsFromFile()).contains(flow);
        assertThat(expected).as("what the bot says in %s", transcript).isNotEmpty();
        assertSaidInOrder(person, expected);
    }

    @Test
    void everyShippedFlowIsPlayedHere() throws Exception {
        CsvSource rows = TeamsFlowsTest.class.getDeclaredMethod("flowCanBeFinishedWithMessagesAndCardSubmits",
                String.class, String.class, Integer.class).getAnnotation(CsvSource.class);
        List<String> played = java.util.Arrays.stream(rows.value()).map(row -> row.split(",")[0].trim()).toList();
        assertThat(played).containsExactlyInAnyOrderElementsOf(flowsFromFile());
    }

    private static void assertSaidInOrder(TeamsPerson person, List<String> expected) {
        List<String> said = new ArrayList<>();
        for (JsonNode activity : person.posted()) {
            said.addAll(TeamsConnectorLog.texts(activity));
        }
        int at = 0;
        for (String line : expected) {
            int found = -1;
            for (int i = at; i < said.size(); i++) {
                if (matches(line, said.get(i))) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("the bot said %s (after %s); it said %s", line,
                    at == 0 ? "the start" : said.get(at - 1), said.subList(at, said.size())).isGreaterThanOrEqualTo(0);
            at = found + 1;
        }
    }

    private static boolean matches(String expected, String actual) {
        Matcher regex = REGEX.matcher(expected);
        return regex.matches() ? Pattern.compile(regex.group(1)).matcher(actual).find() : expected.equals(actual);
    }

    @SuppressWarnings("unchecked")
    private static String personName(String transcript) throws Exception {
        Map<String, Object> root = new Yaml().load(new StringReader(
                Files.readString(Path.of("conversation-flows/tests", transcript + ".yaml"))));
        Object person = root.get("person");
        return person instanceof Map<?, ?> map && map.get("name") != null ? String.valueOf(map.get("name")) : "Alex Doe";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(String transcript) throws Exception {
        Map<String, Object> root = new Yaml().load(new StringReader(
                Files.readString(Path.of("conversation-flows/tests", transcript + ".yaml"))));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object entry : (List<Object>) root.get("conversation")) {
            entries.add(entry instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(String.valueOf(entry), ""));
        }
        return entries;
    }

    private static List<String> flowsFromFile() throws Exception {
        try (var files = Files.list(Path.of("conversation-flows"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).toList();
        }
    }
}
