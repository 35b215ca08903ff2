package dev.hako.lxd.api;

/**
 * A value read together with the ETag the server sent for it. Editors hand the
 * ETag back on save so that a concurrent change is refused (412), never overwritten.
 */
public record Tagged<T>(T value, String etag) {
}
