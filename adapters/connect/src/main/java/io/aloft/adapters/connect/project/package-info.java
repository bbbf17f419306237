/** Binding of {@code aloft.project.v1.ProjectService}. */
@NullMarked
package io.aloft.adapters.connect.project;

import org.jspecify.annotations.NullMarked;
