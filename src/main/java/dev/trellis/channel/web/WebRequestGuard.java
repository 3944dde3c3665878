package dev.trellis.channel.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every POST to the web chat's API before it is read: it comes from this site's own page (an {@code Origin}
 * or {@code Sec-Fetch-Site} naming another site is refused with 403, on top of the CSRF token Spring Security
 * checks), it is {@code application/json} (415 otherwise), and its session and address are within their rate
 * limits (429 with {@code Retry-After}). Refusals are JSON {@code {"error": ...}} the page shows as they are.
 */
class WebRequestGuard extends OncePerRequestFilter {

    private final WebRateLimits limits;

    WebRequestGuard(WebRateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && WebPaths.path(request).startsWith(WebPaths.API));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameSite(request)) {
            refuse(response, HttpStatus.FORBIDDEN, "Messages are accepted only from the Trellis page itself.");
            return;
        }
        if (!json(request)) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the message as JSON (Content-Type: application/json).");
            return;
        }
        WebUser user = (WebUser) request.getAttribute(WebSessionFilter.USER);
        Duration wait = limits.post(request.getRemoteAddr(), user == null ? "" : user.id());
        if (!wait.isZero()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
            refuse(response, HttpStatus.TOO_MANY_REQUESTS,
                    "That is more messages than Trellis takes in a minute; please wait a moment and send it again.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) return false;
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) return true;
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
            return request.getScheme().equalsIgnoreCase(uri.getScheme())
                    && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static boolean json(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) return false;
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(type.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + message.replace("\"", "\\\"") + "\"}");
    }
}
