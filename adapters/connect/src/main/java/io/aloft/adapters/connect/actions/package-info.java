/** Binding of {@code aloft.actions.v1.ActionsService}. */
@NullMarked
package io.aloft.adapters.connect.actions;

import org.jspecify.annotations.NullMarked;
