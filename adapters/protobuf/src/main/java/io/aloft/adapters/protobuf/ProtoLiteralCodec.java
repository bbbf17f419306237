package io.aloft.adapters.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.Outputs;
import io.aloft.proto.core.v1.ErrorDocument;

/**
 * The literal files as the API's protobuf ({@code aloft.core.v1}), which is wire-compatible with
 * Flyte's, so files written by the SDK read here and the other way round. Encoding is
 * deterministic: equal values give equal bytes, whatever order their maps were built in.
 */
public final class ProtoLiteralCodec implements LiteralCodec {

  private static final JsonFormat.Printer JSON = JsonFormat.printer();

  @Override
  public byte[] encodeInputs(Inputs inputs) {
    return ProtoBytes.deterministic(IoMessages.toProto(inputs));
  }

  @Override
  public Inputs decodeInputs(byte[] bytes) {
    return IoMessages.fromProto(
        ProtoBytes.parse(
            io.aloft.proto.core.v1.Inputs.parser(), bytes, "inputs (aloft.core.v1.Inputs)"));
  }

  @Override
  public byte[] encodeOutputs(Outputs outputs) {
    return ProtoBytes.deterministic(IoMessages.toProto(outputs));
  }

  @Override
  public Outputs decodeOutputs(byte[] bytes) {
    return IoMessages.fromProto(
        ProtoBytes.parse(
            io.aloft.proto.core.v1.Outputs.parser(), bytes, "outputs (aloft.core.v1.Outputs)"));
  }

  @Override
  public byte[] encodeLiteral(Literal literal) {
    return ProtoBytes.deterministic(Literals.toProto(literal));
  }

  @Override
  public Literal decodeLiteral(byte[] bytes) {
    return Literals.fromProto(
        ProtoBytes.parse(
            io.aloft.proto.core.v1.Literal.parser(), bytes, "literal (aloft.core.v1.Literal)"),
        "literal");
  }

  @Override
  public String inputsJson(Inputs inputs) {
    try {
      return JSON.print(IoMessages.toProto(inputs));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      // e.g. a datetime outside the years 1 to 9999, which JSON timestamps cannot express
      throw new InvalidArgument("the inputs have no JSON form: " + e.getMessage(), e);
    }
  }

  @Override
  public String inputsYaml(Inputs inputs) {
    try {
      return JsonToYaml.convert(inputsJson(inputs));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the JSON of the inputs did not parse back", e);
    }
  }

  @Override
  public byte[] encodeError(ExecutionError error) {
    return ProtoBytes.deterministic(ErrorDocuments.toProto(error));
  }

  @Override
  public ExecutionError decodeError(byte[] bytes) {
    return ErrorDocuments.fromProto(
        ProtoBytes.parse(
            ErrorDocument.parser(), bytes, "error document (aloft.core.v1.ErrorDocument)"));
  }
}
