package io.aloft.application.port.codec;

import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.Outputs;

/**
 * The stored forms of task inputs and outputs ({@code inputs.pb}, {@code outputs.pb}, the API's
 * protobuf) and their JSON rendering for tasks that read {@code inputs.json}. Decoding throws
 * {@link io.aloft.domain.error.InvalidArgument} naming the file's problem.
 */
public interface LiteralCodec {

  byte[] encodeInputs(Inputs inputs);

  /** An empty byte array is an empty Inputs (runs without inputs store one). */
  Inputs decodeInputs(byte[] bytes);

  byte[] encodeOutputs(Outputs outputs);

  Outputs decodeOutputs(byte[] bytes);

  byte[] encodeLiteral(Literal literal);

  Literal decodeLiteral(byte[] bytes);

  /** The inputs as the JSON the protobuf JSON mapping gives, for {@code inputs.json}. */
  String inputsJson(Inputs inputs);

  /** The same document as YAML, for {@code inputs.yaml}. */
  String inputsYaml(Inputs inputs);

  /**
   * An {@code errors.pb} document: the copilot writes one when it cannot move a task's data, so the
   * executor can report the failure.
   */
  byte[] encodeError(io.aloft.domain.action.ExecutionError error);

  io.aloft.domain.action.ExecutionError decodeError(byte[] bytes);
}
