package dev.trellis.channel.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every browser of the web chat a session: an HttpOnly, SameSite=Lax cookie holding 128 random bits. Whoever
 * holds the cookie holds the web conversation, so it is unguessable, never readable from script, and never stored
 * or logged: ids are derived from it ({@link WebUser}). A missing or malformed cookie
 * gets a new session. The id is handed to the controller as the request attribute {@link #SESSION}.
 */
@Component
class WebSessionFilter extends OncePerRequestFilter {

    static final String COOKIE = "trellis_session";
    static final String SESSION = "dev.trellis.channel.web.session";

    private static final int ID_BYTES = 16;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
    // long enough that a person can come back to a paused conversation weeks later
    private static final Duration LIFETIME = Duration.ofDays(365);

    private final SecureRandom random = new SecureRandom();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/") || path.equals("/index.html") || path.startsWith("/api/web/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String session = existing(request);
        if (session == null) {
            session = newId();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, session)
                    .httpOnly(true)
                    .sameSite("Lax")
                    .secure(request.isSecure())
                    .path("/")
                    .maxAge(LIFETIME)
                    .build()
                    .toString());
        }
        request.setAttribute(SESSION, session);
        chain.doFilter(request, response);
    }

    private static String existing(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && WELL_FORMED.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
