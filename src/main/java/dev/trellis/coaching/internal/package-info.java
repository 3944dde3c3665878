/**
 * The coaching domain's documents, repositories, the named actions flows call and the person context they read.
 * Every document has an owner ({@code personId}); nothing here is reachable from other features except through
 * the action and context ports of the engine and {@link dev.trellis.coaching.ChartImages}.
 */
package dev.trellis.coaching.internal;
