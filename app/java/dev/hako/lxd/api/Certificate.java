package dev.hako.lxd.api;

import java.util.List;

/** {@code GET /1.0/certificates/<fingerprint>}: a trusted client certificate (PEM). */
public record Certificate(String name, String type, boolean restricted, List<String> projects, String certificate,
                          String fingerprint) {
}
