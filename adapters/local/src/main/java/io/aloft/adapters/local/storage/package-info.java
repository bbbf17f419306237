/** A {@code file://} object store on the local filesystem, below configured root directories. */
package io.aloft.adapters.local.storage;
