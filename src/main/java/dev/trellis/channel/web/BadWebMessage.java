package dev.trellis.channel.web;

import org.springframework.http.HttpStatus;

/** A posted message the web chat refuses, with the status and the sentence the person sees. */
final class BadWebMessage extends RuntimeException {

    private final HttpStatus status;

    BadWebMessage(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
