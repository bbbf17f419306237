/**
 * TaskActions as {@code aloft.io/v1} custom resources, on the official Kubernetes client: the
 * mapping between the domain and the resource ({@link
 * io.aloft.adapters.kubernetes.TaskActionResources}), names and labels ({@link
 * io.aloft.adapters.kubernetes.ResourceNames}), the guarded API calls and the watch behind the
 * store's change stream. See docs/decisions/0006.
 */
@NullMarked
package io.aloft.adapters.kubernetes;

import org.jspecify.annotations.NullMarked;
