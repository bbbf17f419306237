/**
 * The stored formats of Aloft as the API's protobuf: {@link
 * io.aloft.adapters.protobuf.ProtoLiteralCodec} for inputs.pb, outputs.pb and errors.pb, and {@link
 * io.aloft.adapters.protobuf.ProtoActionSpecReader} for the specs actions carry.
 */
@NullMarked
package io.aloft.adapters.protobuf;

import org.jspecify.annotations.NullMarked;
