/**
 * The flow language: the model of a conversation flow, loading YAML files with positions, validation with
 * {@code file:line:col} errors, CEL expressions, templates, message bundles and the catalog of flow versions.
 * Depends on nothing else in Trellis.
 */
package dev.trellis.flow;
