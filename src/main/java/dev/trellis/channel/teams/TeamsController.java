package dev.trellis.channel.teams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

import dev.trellis.engine.Redacted;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/messages}, where the Bot Framework delivers Teams activities. The body is read as a String (at
 * most the size limit) and parsed with the Bot Framework SDK's Jackson mapper. In order: no bearer token → 401
 * (nothing read further); a body over the size limit → 413 (read no further); not an activity (bad JSON, no id, service URL,
 * conversation or sender) → 400; a token that does not authenticate the activity (see {@link BotAuthentication}) →
 * 401; then the activity is stored and acknowledged with 200. A 503 means the inbox could not store it and the Bot
 * Framework should retry. Nothing the person wrote is logged.
 */
@RestController
@Conditional(TeamsEnabled.class)
class TeamsController {

    private static final Logger log = LoggerFactory.getLogger(TeamsController.class);

    private final BotAuthentication authentication;
    private final TeamsActivities activities;
    private final TeamsProperties properties;

    TeamsController(BotAuthentication authentication, TeamsActivities activities, TeamsProperties properties) {
        this.authentication = authentication;
        this.activities = activities;
        this.properties = properties;
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                   HttpServletRequest request) throws IOException {
        if (!BotAuthentication.hasBearer(authorization)) {
            return reply(HttpStatus.UNAUTHORIZED, "missing token");
        }
        byte[] bytes = request.getContentLengthLong() > properties.maxBodyBytes() ? null
                : readAtMost(request.getInputStream(), properties.maxBodyBytes());
        if (bytes == null) {
            return reply(HttpStatus.PAYLOAD_TOO_LARGE, "payload too large");
        }
        Activity activity = parse(new String(bytes, StandardCharsets.UTF_8));
        if (activity == null) {
            log.info("Teams request refused: not an activity");
            return reply(HttpStatus.BAD_REQUEST, "malformed activity");
        }
        BotAuthentication.Verdict verdict = authentication.verify(authorization, activity);
        if (verdict != BotAuthentication.Verdict.VALID) {
            log.info("Teams activity {} refused: {}", activity.getId(), verdict);
            return reply(HttpStatus.UNAUTHORIZED, "unauthorized");
        }
        try {
            activities.handle(activity);
        } catch (RuntimeException e) {
            log.error("Teams activity {} could not be stored; the Bot Framework will retry", activity.getId(),
                    Redacted.of(e));
            return reply(HttpStatus.SERVICE_UNAVAILABLE, "try again");
        }
        return ResponseEntity.ok("{}");
    }

    /** The activity, or null when the body is not one we can answer (every field below is needed to reply). */
    private static Activity parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        Activity activity;
        try {
            activity = Serialization.treeToValue(Serialization.jsonToTree(body), Activity.class);
        } catch (Exception e) {
            return null;
        }
        boolean complete = activity != null && activity.getType() != null && activity.getId() != null
                && activity.getServiceUrl() != null && !activity.getServiceUrl().isBlank()
                && activity.getConversation() != null && activity.getConversation().getId() != null
                && activity.getFrom() != null && activity.getFrom().getId() != null;
        return complete ? activity : null;
    }

    /** The body, or null when it is longer than {@code limit} (a chunked body has no Content-Length to check). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ResponseEntity<String> reply(HttpStatus status, String error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"" + error + "\"}");
    }
}
