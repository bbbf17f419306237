/** Binding of {@code aloft.events.v1.EventsService}. */
@NullMarked
package io.aloft.adapters.connect.events;

import org.jspecify.annotations.NullMarked;
