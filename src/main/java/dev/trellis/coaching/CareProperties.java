package dev.trellis.coaching;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Trellis points a person who speaks of distress ({@code trellis.care.*}). Operators put their own help here:
 * the Employee Assistance Programme, HR, a helpline with its number. {@code signpost} follows every care message;
 * {@code urgent} follows one about self-harm. Both default to texts that name no number, because the right number
 * depends on where people are.
 */
@ConfigurationProperties("trellis.care")
public record CareProperties(String signpost, String urgent) {

    static final String DEFAULT_SIGNPOST = "If it would help to talk to someone, your Employee Assistance Programme "
            + "(EAP), HR, or someone you trust are there for you, and talking to them is confidential.";
    static final String DEFAULT_URGENT = "If you might hurt yourself or feel unsafe, please call your local "
            + "emergency number or a crisis line now. You don't have to go through this alone.";

    public CareProperties {
        signpost = signpost == null || signpost.isBlank() ? DEFAULT_SIGNPOST : signpost.strip();
        urgent = urgent == null || urgent.isBlank() ? DEFAULT_URGENT : urgent.strip();
    }
}
