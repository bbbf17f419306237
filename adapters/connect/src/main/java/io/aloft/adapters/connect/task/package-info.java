/** Binding of {@code aloft.task.v1.TaskService}. */
@NullMarked
package io.aloft.adapters.connect.task;

import org.jspecify.annotations.NullMarked;
