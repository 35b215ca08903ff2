package dev.hako.lxd.api;

/** {@code /1.0/images/aliases/<name>}: an alias pointing at an image fingerprint. */
public record ImageAliasesEntry(String name, String description, String target, String type) {
}
