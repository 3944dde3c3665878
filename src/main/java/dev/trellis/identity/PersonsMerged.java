package dev.trellis.identity;

/**
 * Person {@code from} was linked into person {@code into} (one person writing from two places), or a platform user id
 * that stood for a person before person ids existed was replaced by one (the start-up migration). Published before
 * anything of {@code from} is moved, so listeners holding something per person (data keys) can make it belong to
 * {@code into} first.
 */
public record PersonsMerged(String from, String into) {
}
