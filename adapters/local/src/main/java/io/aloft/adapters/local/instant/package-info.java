/** Plugins that finish at once: {@code noop} and {@code echo}, for tests and benchmarks. */
package io.aloft.adapters.local.instant;
