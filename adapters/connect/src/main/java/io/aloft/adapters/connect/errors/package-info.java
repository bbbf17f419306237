/** Turns domain errors and not-yet-available capabilities into Connect errors. */
@NullMarked
package io.aloft.adapters.connect.errors;

import org.jspecify.annotations.NullMarked;
