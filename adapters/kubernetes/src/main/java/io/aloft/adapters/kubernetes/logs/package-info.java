/**
 * TailLogs for pods: reads the {@code k8s://} log links the pod plugin reports through the API
 * server's pod log endpoint. See docs/decisions/0007.
 */
@NullMarked
package io.aloft.adapters.kubernetes.logs;

import org.jspecify.annotations.NullMarked;
