/**
 * The engine's REST API as a trust boundary: what a caller of {@code /engine-rest} (and of the webapps' copy,
 * {@code /camunda/api/engine}) may start, set or complete is decided here, before Camunda's resources run.
 */
package vn.doanthanhnien.admission.engineapi;
