/**
 * Leader election between manager replicas on a {@code coordination.k8s.io/v1} Lease, as
 * client-go's leaderelection does it: only the leader reconciles TaskActions. See
 * docs/decisions/0006.
 */
@NullMarked
package io.aloft.adapters.kubernetes.leader;

import org.jspecify.annotations.NullMarked;
