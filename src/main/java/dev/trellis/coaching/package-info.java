/**
 * The coaching domain flows read and write: people, goals and check-ins, career-wheel ratings, development plans,
 * 1:1s, peer sessions, feedback and recognition; the named actions flows call; and the small coaching techniques
 * (reflection, recaps, question rotation, SMART checks, progress reactions, the wheel chart). Depends on
 * {@code engine}.
 */
package dev.trellis.coaching;
