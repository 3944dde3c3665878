package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The Teams app package a person uploads: {@code manifests/teams/manifest.json} as the build fills it in validates
 * against Microsoft's app manifest schema (v1.19, from OfficeDev/microsoft-teams-app-schema, in test resources), offers
 * the bot in every scope with the commands Trellis understands, and ships icons of the sizes Teams requires.
 */
class TeamsAppPackageTest {

    private static final Path DIR = Path.of("manifests/teams");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void manifestAsBuiltIsValidAgainstTheTeamsSchema() throws Exception {
        JsonNode manifest = built("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "trellis.acme.test");

        assertThat(violations(manifest)).isEmpty();
        assertThat(manifest.path("id").asText()).isEqualTo("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(manifest.path("id").asText());
        assertThat(manifest.path("validDomains").get(0).asText()).isEqualTo("trellis.acme.test");
    }

    @Test
    void manifestWithTheBuildsDefaultPlaceholdersIsValidToo() throws Exception {
        assertThat(violations(built("00000000-0000-0000-0000-000000000000", "trellis.example.com"))).isEmpty();
    }

    @Test
    void schemaCatchesAManifestTeamsWouldRefuse() throws Exception {
        // the raw file, placeholders unfilled: the app id is no GUID, so uploading it unbuilt would fail
        JsonNode raw = JSON.readTree(Files.readString(DIR.resolve("manifest.json")));
        assertThat(violations(raw)).anyMatch(message -> message.contains("$.id"));
    }

    @Test
    void botIsOfferedInPersonalChatsTeamsAndGroupChatsWithCommandsTrellisUnderstands() throws Exception {
        JsonNode bot = built("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "trellis.acme.test").path("bots").get(0);
        List<String> scopes = new ArrayList<>();
        bot.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        assertThat(scopes).containsExactlyInAnyOrder("personal", "team", "groupChat");

        List<String> flows = new ArrayList<>();
        try (var files = Files.list(Path.of("conversation-flows"))) {
            files.filter(f -> f.toString().endsWith(".yaml"))
                    .forEach(f -> flows.add(f.getFileName().toString().replace(".yaml", "")));
        }
        for (JsonNode list : bot.path("commandLists")) {
            for (JsonNode command : list.path("commands")) {
                String title = command.path("title").asText();
                if (title.startsWith("/coach ") && !title.equals("/coach stop")) {
                    assertThat(flows).as("flow started by %s", title).contains(title.substring("/coach ".length()));
                }
            }
        }
    }

    @Test
    void iconsHaveTheSizesTeamsRequiresAndTheOutlineIsWhiteOnTransparent() throws Exception {
        BufferedImage color = ImageIO.read(DIR.resolve("color.png").toFile());
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);

        BufferedImage outline = ImageIO.read(DIR.resolve("outline.png").toFile());
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        int transparent = 0;
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).as("transparent background").isGreaterThan(32 * 32 / 4);
    }

    /** The manifest as {@code ./mvnw package} fills it in (see src/assembly/teams.xml). */
    private static JsonNode built(String appId, String domain) throws Exception {
        String text = Files.readString(DIR.resolve("manifest.json"))
                .replace("${teams.app.id}", appId).replace("${teams.app.domain}", domain);
        assertThat(text).doesNotContain("${");
        return JSON.readTree(text);
    }

    private static List<String> violations(JsonNode manifest) throws Exception {
        try (InputStream in = TeamsAppPackageTest.class.getResourceAsStream("/teams/MicrosoftTeams.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            Set<ValidationMessage> messages = schema.validate(manifest);
            return messages.stream().map(ValidationMessage::getMessage).toList();
        }
    }
}
