package dev.hako.model;

import java.util.Map;
import java.util.Set;

/**
 * One coalesced change to a resource collection: the new snapshot and which keys
 * were added or updated and which disappeared. A burst of server events arrives
 * as one of these, so a view repaints once.
 */
public record CollectionChange<T>(Map<String, T> snapshot, Set<String> updated, Set<String> removed,
                                  boolean reloaded) {
}
