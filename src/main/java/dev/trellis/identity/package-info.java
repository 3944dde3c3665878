/**
 * People and their platform identities: the Trellis person id, the links from each platform identity (Slack
 * workspace and user, Teams tenant and user, web session) to it, linking one person's identities, and the start-up
 * migration of documents written before person ids existed. Implements the engine's {@code PersonDirectory}.
 */
package dev.trellis.identity;
