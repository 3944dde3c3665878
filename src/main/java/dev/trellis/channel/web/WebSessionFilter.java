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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says which {@link WebUser} a web chat request belongs to and hands it to the controller as the request attribute
 * {@link #USER}.
 *
 * <p>Signed in through the company's OpenID Connect provider, the user is the signed-in employee (issuer and
 * subject), the same on every browser. Otherwise each browser gets a session: an HttpOnly, SameSite=Lax cookie of
 * 128 random bits that this server issued ({@link WebSessions}); a cookie the server did not issue is replaced, so
 * nobody can plant a session id they know. Over HTTPS (directly, or behind a TLS proxy with
 * {@code server.forward-headers-strategy}) the cookie is {@code __Host-trellis_session} and Secure: a {@code __Host-}
 * cookie cannot be set by a sibling subdomain or over plain HTTP.
 */
class WebSessionFilter extends OncePerRequestFilter {

    static final String COOKIE = "trellis_session";
    static final String SECURE_COOKIE = "__Host-trellis_session";
    static final String USER = "dev.trellis.channel.web.user";

    private static final int ID_BYTES = 16;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
    // long enough that a person can come back to a paused conversation weeks later
    private static final Duration LIFETIME = Duration.ofDays(365);

    private final SecureRandom random = new SecureRandom();
    private final WebSessions sessions;
    private final WebRateLimits limits;

    WebSessionFilter(WebSessions sessions, WebRateLimits limits) {
        this.sessions = sessions;
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WebPaths.isChat(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WebUser user = signedIn().orElseGet(() -> browserSession(request, response));
        if (user == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            WebRequestGuard.refuse(response, org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
                    "Too many new chat sessions from this address; please try again in a minute.");
            return;
        }
        request.setAttribute(USER, user);
        // Spring Security writes the CSRF cookie only once something reads the token; the page needs it up front
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) csrf.getToken();
        chain.doFilter(request, response);
    }

    private static java.util.Optional<WebUser> signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof OidcUser user) {
            return java.util.Optional.of(WebUser.signedIn(String.valueOf(user.getIssuer()), user.getSubject()));
        }
        return java.util.Optional.empty();
    }

    /** The browser's session; a new one when it has none, or null when its address may not open more now. */
    private WebUser browserSession(HttpServletRequest request, HttpServletResponse response) {
        String name = request.isSecure() ? SECURE_COOKIE : COOKIE;
        String presented = cookie(request, name);
        if (presented != null) {
            WebUser user = WebUser.of(presented);
            if (sessions.issued(user)) return user;
        }
        if (!limits.newSession(request.getRemoteAddr()).isZero()) return null;
        String session = newId();
        WebUser user = WebUser.of(session);
        sessions.issue(user);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, session)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(request.isSecure())
                .path("/")
                .maxAge(LIFETIME)
                .build()
                .toString());
        return user;
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && WELL_FORMED.matcher(cookie.getValue()).matches()) {
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
