/** Binding of {@code aloft.run.v1.RunService}. */
@NullMarked
package io.aloft.adapters.connect.run;

import org.jspecify.annotations.NullMarked;
