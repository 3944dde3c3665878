package dev.trellis.channel.web;

import jakarta.servlet.http.HttpServletRequest;

/** The paths that make up the web chat: its page and files, its API, and the sign-in endpoints. */
final class WebPaths {

    static final String API = "/api/web/";
    static final String[] SIGN_IN = {"/oauth2/", "/login", "/logout"};
    private static final String[] PAGE = {"/", "/index.html", "/chat.js", "/chat.css"};

    private WebPaths() {
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The page and the API: what a web chat session is needed for. */
    static boolean isChat(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith(API) || path.equals("/") || path.equals("/index.html");
    }

    /** Everything the web chat's security applies to. */
    static boolean isWebChat(HttpServletRequest request) {
        String path = path(request);
        if (path.startsWith(API)) return true;
        for (String page : PAGE) if (path.equals(page)) return true;
        for (String prefix : SIGN_IN) if (path.startsWith(prefix)) return true;
        return false;
    }
}
