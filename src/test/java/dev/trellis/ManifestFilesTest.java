package dev.trellis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every manifest a person pastes into a platform's admin page parses, and the Slack one asks for what Trellis
 * handles: pasting a file that does not parse into "Create from manifest" fails with an unhelpful error.
 */
class ManifestFilesTest {

    @Test
    void everyYamlManifestParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("manifests"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Object parsed = yaml().load(Files.readString(file));
            assertThat(parsed).as(file.toString()).isInstanceOf(Map.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void slackManifestSubscribesToWhatTrellisHandlesWithLeastPrivilege() throws IOException {
        Map<String, Object> manifest = yaml().load(Files.readString(Path.of("manifests/slack/manifest.yaml")));
        Map<String, Object> info = (Map<String, Object>) manifest.get("display_information");
        assertThat((String) info.get("name")).isEqualTo("Trellis");
        // Slack refuses a short description longer than 140 characters
        assertThat((String) info.get("description")).hasSizeLessThanOrEqualTo(140);
        Map<String, Object> settings = (Map<String, Object>) manifest.get("settings");
        Map<String, Object> events = (Map<String, Object>) settings.get("event_subscriptions");
        assertThat((List<String>) events.get("bot_events"))
                .contains("app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked");
        Map<String, Object> oauth = (Map<String, Object>) manifest.get("oauth_config");
        List<String> scopes = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");
        assertThat(scopes).containsExactlyInAnyOrder("app_mentions:read", "chat:write", "commands", "files:write",
                "im:history", "users:read");
        List<Map<String, Object>> commands = (List<Map<String, Object>>) ((Map<String, Object>) manifest
                .get("features")).get("slash_commands");
        assertThat(commands).extracting(c -> c.get("command")).containsExactly("/coach");
        assertThat((String) events.get("request_url")).endsWith("/slack/events");
        assertThat((String) commands.get(0).get("url")).isEqualTo(events.get("request_url"));
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
