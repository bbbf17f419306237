/**
 * The Connect API of Aloft: {@link io.aloft.adapters.connect.AloftConnectApi} lists the service
 * bindings that map protobuf requests to the application use cases.
 */
@NullMarked
package io.aloft.adapters.connect;

import org.jspecify.annotations.NullMarked;
