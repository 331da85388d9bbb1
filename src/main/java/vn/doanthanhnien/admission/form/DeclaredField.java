package vn.doanthanhnien.admission.form;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input field of a deployed Camunda Form, as form-js declares it.
 *
 * @param type the form-js component type ({@code textfield}, {@code number}, {@code datetime}, {@code checkbox}…)
 * @param validate the component's {@code validate} object (required, min, max, minLength, maxLength, pattern), or an
 *     empty node
 */
public record DeclaredField(String key, String type, String label, JsonNode validate) {
}
