/**
 * Proto to domain mappers shared by the service bindings, and the request checks that name the
 * offending proto field path.
 */
@NullMarked
package io.aloft.adapters.connect.mapping;

import org.jspecify.annotations.NullMarked;
