/**
 * Who may see what of whom: the links between a person and their manager (named by the person or imported by an
 * operator, confirmed by the manager, ended by either), the consents a person gives for items they share, and the
 * one policy every read on someone else's behalf goes through. Shared items are read by reference when they are
 * shown, never copied. Depends on {@code engine} and {@code identity}; {@code coaching} and {@code privacy} depend
 * on it.
 */
package dev.trellis.sharing;
