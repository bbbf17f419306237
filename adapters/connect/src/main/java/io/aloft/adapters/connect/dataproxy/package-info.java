/** Binding of {@code aloft.dataproxy.v1.DataProxyService}: action data and log tailing. */
@NullMarked
package io.aloft.adapters.connect.dataproxy;

import org.jspecify.annotations.NullMarked;
