package dev.trellis.channel.teams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.privacy.PersonalExport;

/**
 * Teams takes a bot's files only with the person's consent: the bot offers each file on a file-consent card, the
 * person allows it, Teams hands back an upload URL in their OneDrive, the bot puts the file there and shows it with a
 * file-info card. The card carries only the export's id and which file it is; the file goes to the person who
 * allowed it only when the export is theirs (an export id alone opens nothing). Uploads run in the background, so the
 * consent is answered at once; one that fails gets a sentence asking to export again, and nothing the person wrote
 * is logged.
 */
final class TeamsFileConsent {

    static final String INVOKE_NAME = "fileConsent/invoke";
    static final String CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
    static final String INFO_CARD = "application/vnd.microsoft.teams.card.file.info";
    static final String JSON = "json";
    static final String MARKDOWN = "markdown";

    private static final Logger log = LoggerFactory.getLogger(TeamsFileConsent.class);

    private final PersonDirectory people;
    private final PersonalExport exports;
    private final TeamsNotices notices;
    private final BotConnector connector;
    private final HttpClient http;
    private final Duration timeout;
    private final ScheduledExecutorService background;

    TeamsFileConsent(PersonDirectory people, PersonalExport exports, TeamsNotices notices, BotConnector connector,
                     HttpClient http, Duration timeout, ScheduledExecutorService background) {
        this.people = people;
        this.exports = exports;
        this.notices = notices;
        this.connector = connector;
        this.http = http;
        this.timeout = timeout;
        this.background = background;
    }

    /** The two consent cards for an export (the JSON file and the readable summary), as activities to post. */
    static List<ObjectNode> offers(PersonalExport.Files files) {
        return List.of(offer(files.id(), JSON, files.jsonName(), files.json().length,
                        "Everything Trellis keeps about you, as JSON."),
                offer(files.id(), MARKDOWN, files.markdownName(), files.markdown().length,
                        "The same, as a readable summary."));
    }

    private static ObjectNode offer(String exportId, String part, String name, int size, String description) {
        ObjectNode context = Serialization.createObjectNode();
        context.put("export", exportId);
        context.put("part", part);
        ObjectNode content = Serialization.createObjectNode();
        content.put("description", description);
        content.put("sizeInBytes", size);
        content.set("acceptContext", context);
        content.set("declineContext", context.deepCopy());
        ObjectNode attachment = Serialization.createObjectNode();
        attachment.put("contentType", CONSENT_CARD);
        attachment.put("name", name);
        attachment.set("content", content);
        ObjectNode activity = Serialization.createObjectNode();
        activity.put("type", "message");
        ArrayNode attachments = activity.putArray("attachments");
        attachments.add(attachment);
        return activity;
    }

    /** Answers a {@code fileConsent/invoke}: the upload, or a word on a decline, happens in the background. */
    void handle(Activity activity) {
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        if (value == null || !TeamsActivities.isPersonal(activity)) {
            log.info("Teams file consent {} ignored: no value or not a personal chat", activity.getId());
            return;
        }
        String action = value.path("action").asText("");
        JsonNode context = value.path("context");
        if ("decline".equals(action)) {
            notices.post(activity, "Okay, I haven't sent that file. Type /coach export whenever you want your data.");
            return;
        }
        if (!"accept".equals(action)) {
            log.info("Teams file consent {} ignored: action is neither accept nor decline", activity.getId());
            return;
        }
        background.execute(() -> upload(activity, context, value.path("uploadInfo")));
    }

    private void upload(Activity activity, JsonNode context, JsonNode uploadInfo) {
        String exportId = context.path("export").asText(null);
        String part = context.path("part").asText("");
        String uploadUrl = uploadInfo.path("uploadUrl").asText(null);
        Optional<String> person = people.find(new PlatformIdentity(TeamsChannel.NAME,
                String.valueOf(TeamsActivities.tenantOf(activity)), TeamsInbound.personOf(activity)));
        Optional<PersonalExport.Files> files = person.flatMap(p -> exports.find(exportId, p));
        if (files.isEmpty() || uploadUrl == null || !(part.equals(JSON) || part.equals(MARKDOWN))) {
            log.info("Teams file consent {}: export {} not found for this person, or no upload URL", activity.getId(),
                    exportId);
            notices.post(activity, "That export has expired or isn't yours. Type /coach export for a new one.");
            return;
        }
        byte[] bytes = part.equals(JSON) ? files.get().json() : files.get().markdown();
        if (!put(uploadUrl, bytes)) {
            log.warn("Teams file consent {}: the upload of export {} failed", activity.getId(), exportId);
            notices.post(activity, "Sorry, I couldn't put the file in your OneDrive. Type /coach export to try again.");
            return;
        }
        BotConnector.Answer shown = connector.post(activity.getServiceUrl(), activity.getConversation().getId(),
                info(uploadInfo).toString());
        if (!shown.ok()) {
            log.warn("Teams file consent {}: the file is uploaded but its card was refused ({})", activity.getId(),
                    shown.status());
        }
    }

    /** One PUT of the whole file, as OneDrive's upload session takes a file up to a few megabytes. */
    private boolean put(String uploadUrl, byte[] bytes) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(timeout)
                    .header("Content-Range", "bytes 0-" + (bytes.length - 1) + "/" + bytes.length)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ObjectNode info(JsonNode uploadInfo) {
        ObjectNode content = Serialization.createObjectNode();
        content.put("uniqueId", uploadInfo.path("uniqueId").asText(""));
        content.put("fileType", uploadInfo.path("fileType").asText(""));
        ObjectNode attachment = Serialization.createObjectNode();
        attachment.put("contentType", INFO_CARD);
        attachment.put("contentUrl", uploadInfo.path("contentUrl").asText(""));
        attachment.put("name", uploadInfo.path("name").asText(""));
        attachment.set("content", content);
        ObjectNode activity = Serialization.createObjectNode();
        activity.put("type", "message");
        activity.putArray("attachments").add(attachment);
        return activity;
    }
}
