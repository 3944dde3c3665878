package dev.trellis.channel.slack;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * Lets through only what comes from the workspace and app Trellis is installed in ({@link Installation}), before any
 * listener runs, so nothing from elsewhere is stored. A request from another workspace or app is acknowledged (so
 * Slack does not retry it) and dropped. A person from another organisation in a Slack Connect channel (their
 * {@code user_team} is not the installed workspace) gets a polite "not available" and nothing is stored about them.
 * While the installed workspace is not known yet every request is answered 503, which Slack retries.
 */
final class WorkspaceGuard implements Middleware {

    static final String NOT_AVAILABLE = "Sorry, Trellis is only available to people in the workspace it is "
            + "installed in, so I can't help you here.";
    private static final Logger log = LoggerFactory.getLogger(WorkspaceGuard.class);

    /** Where a request comes from and, for a polite answer, where to give it. */
    private record Origin(String team, String app, String user, String userTeam, String channel, String threadTs) {
        boolean fromAnotherOrganisation() {
            return userTeam != null && !userTeam.isBlank() && !userTeam.equals(team);
        }
    }

    private final Installation installation;
    private final Notices notices;

    WorkspaceGuard(Installation installation, Notices notices) {
        this.installation = installation;
        this.notices = notices;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        Origin origin = origin(req);
        if (origin == null || origin.team() == null) {
            return chain.next(req); // url_verification, ssl_check: nothing of anyone's
        }
        if (installation.teamId().isEmpty()) {
            log.warn("Slack {} refused with 503: the installed workspace is not known yet", req.getRequestType());
            return Response.builder().statusCode(503).body("").build();
        }
        if (!installation.isOurs(origin.team(), origin.app())) {
            log.info("Slack {} from workspace {} (app {}) refused: Trellis is not installed there",
                    req.getRequestType(), origin.team(), origin.app());
            // a person typing a command deserves a word; the answer is the acknowledgement, nothing is sent or kept
            return req instanceof SlashCommandRequest ? notAvailable() : Response.ok();
        }
        if (origin.fromAnotherOrganisation()) {
            log.info("Slack {} from user {} of another organisation ({}) answered as not available",
                    req.getRequestType(), origin.user(), origin.userTeam());
            if (req instanceof SlashCommandRequest) {
                return notAvailable();
            }
            if (origin.channel() != null && origin.user() != null) {
                notices.ephemeral(origin.team(), origin.channel(), origin.user(), origin.threadTs(),
                        "not-available:" + origin.user() + ":" + origin.channel(), NOT_AVAILABLE);
            }
            return Response.ok();
        }
        return chain.next(req);
    }

    private static Response notAvailable() {
        return Response.json(200, Map.of("response_type", "ephemeral", "text", NOT_AVAILABLE));
    }

    private static Origin origin(Request<?> req) {
        if (req instanceof SlashCommandRequest command) {
            SlashCommandPayload p = command.getPayload();
            // a command carries the workspace of the person who typed it, which is the organisation check too
            return new Origin(p.getTeamId(), p.getApiAppId(), p.getUserId(), null, p.getChannelId(), null);
        }
        if (req instanceof BlockActionRequest click) {
            BlockActionPayload p = click.getPayload();
            String team = p.getTeam() == null ? null : p.getTeam().getId();
            String userTeam = p.getUser() == null ? null : p.getUser().getTeamId();
            return new Origin(team, p.getApiAppId(), p.getUser() == null ? null : p.getUser().getId(), userTeam,
                    p.getChannel() == null ? null : p.getChannel().getId(),
                    p.getContainer() == null ? null : p.getContainer().getThreadTs());
        }
        if (req instanceof EventRequest event) {
            return eventOrigin(event.getRequestBodyAsString());
        }
        String team = req.getContext() == null ? null : req.getContext().getTeamId();
        return new Origin(team, null, null, null, null, null);
    }

    private static Origin eventOrigin(String body) {
        JsonObject payload = JsonParser.parseString(body).getAsJsonObject();
        JsonObject event = payload.has("event") && payload.get("event").isJsonObject()
                ? payload.getAsJsonObject("event") : new JsonObject();
        String ts = string(event, "ts");
        String thread = string(event, "thread_ts");
        return new Origin(string(payload, "team_id"), string(payload, "api_app_id"), string(event, "user"),
                string(event, "user_team"), string(event, "channel"), thread != null ? thread : ts);
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}
