package dev.trellis.channel.slack;

import dev.trellis.engine.Redacted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /slack/events}: the one URL for the Events API, interactivity and slash commands. Checks, in order,
 * the body size (413, read no further), the signature over the raw bytes (401) and that the payload parses (400);
 * only then Bolt runs the listener. Bad input never produces a 500 that would make Slack retry it forever; a 503
 * means the inbox could not store the event and Slack should indeed try again.
 */
final class SlackEventsServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient SlackSignature signature;
    private final transient SlackRequestParser parser;
    private final transient Clock clock;
    private final int maxBodyBytes;

    SlackEventsServlet(App app, SlackSignature signature, Clock clock, int maxBodyBytes) {
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getContentLengthLong() > maxBodyBytes) {
            reply(resp, 413, "payload too large");
            return;
        }
        byte[] body = readAtMost(req.getInputStream(), maxBodyBytes);
        if (body == null) {
            reply(resp, 413, "payload too large");
            return;
        }
        SlackSignature.Verdict verdict = signature.verify(req.getHeader(SlackSignature.TIMESTAMP_HEADER),
                req.getHeader(SlackSignature.SIGNATURE_HEADER), body, clock.instant());
        if (verdict != SlackSignature.Verdict.VALID) {
            log.info("Slack request refused: signature {}", verdict);
            reply(resp, 401, "invalid request");
            return;
        }
        Request<?> slackRequest = parse(req, body);
        if (slackRequest == null) {
            log.info("Slack request refused: unparseable payload");
            reply(resp, 400, "malformed payload");
            return;
        }
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception e) {
            log.error("Slack request {} could not be stored; Slack will retry", slackRequest.getRequestType(), Redacted.of(e));
            reply(resp, 503, "try again");
            return;
        }
        ServletAdapterOps.writeResponse(resp, answer);
    }

    private Request<?> parse(HttpServletRequest req, byte[] body) {
        try {
            return parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(req.getRequestURI())
                    .queryString(QueryStringParser.toMap(req.getQueryString()))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(req.getRemoteAddr())
                    .build());
        } catch (RuntimeException e) {
            return null;
        }
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

    private static void reply(HttpServletResponse resp, int status, String error) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write("{\"error\":\"" + error + "\"}");
    }
}
