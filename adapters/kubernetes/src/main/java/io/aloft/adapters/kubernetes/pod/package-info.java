/**
 * The {@code container} task plugin for Kubernetes: each attempt as a pod built from the task
 * template, with the copilot moving inputs and outputs, its status mapped to plugin phases, and a
 * pod informer whose events wake the attempts. See docs/decisions/0007.
 */
@NullMarked
package io.aloft.adapters.kubernetes.pod;

import org.jspecify.annotations.NullMarked;
