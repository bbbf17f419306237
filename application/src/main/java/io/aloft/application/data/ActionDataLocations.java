package io.aloft.application.data;

/**
 * Where an action's data is stored.
 *
 * @param inputsUri nullable: the directory holding {@code inputs.pb}
 * @param outputsUri nullable: the {@code outputs.pb} of the attempt that succeeded; set only for
 *     SUCCEEDED and RECOVERED actions that produced outputs
 */
public record ActionDataLocations(String inputsUri, String outputsUri) {}
