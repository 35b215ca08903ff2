package dev.hako.ui.wizard.instance;

import dev.hako.lxd.api.Image;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the image table, whatever the source: a server's own image, or a product
 * of an image server with its container and/or VM image.
 *
 * @param fingerprints instance type ({@code container}, {@code virtual-machine}) → image fingerprint
 * @param sizes        instance type → bytes
 */
record ImageChoice(String name, List<String> aliases, String os, String release, String architecture,
                   String variant, Map<String, String> fingerprints, Map<String, Long> sizes, String description,
                   boolean isPublic) {

    static ImageChoice of(Image image) {
        Map<String, String> p = image.properties() == null ? Map.of() : image.properties();
        String type = image.type() == null || image.type().isBlank() ? "container" : image.type();
        List<String> aliases = image.aliases() == null ? List.of()
                : image.aliases().stream().map(Image.ImageAlias::name).toList();
        return new ImageChoice(dev.hako.ui.tree.TreeEntry.ImageEntry.labelOf(image), aliases,
                p.getOrDefault("os", ""), p.getOrDefault("release", ""),
                image.architecture() == null ? "" : image.architecture(), p.getOrDefault("variant", ""),
                Map.of(type, image.fingerprint()), Map.of(type, image.size()), p.getOrDefault("description", ""),
                image.isPublic());
    }

    /** The images of one product (container and VM) that {@code daemon} can pull, as one row. */
    static ImageChoice of(List<SimplestreamsImage> product) {
        SimplestreamsImage first = product.get(0);
        Map<String, String> fingerprints = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (SimplestreamsImage image : product) {
            fingerprints.putIfAbsent(image.type(), image.fingerprint());
            sizes.putIfAbsent(image.type(), image.size());
        }
        String description = first.os() + " " + first.releaseTitle() + (first.variant().isEmpty() ? ""
                : " (" + first.variant() + ")") + " " + first.serial();
        return new ImageChoice(first.name(), first.aliases(), first.os(), first.release(),
                first.kernelArchitecture(), first.variant(), fingerprints, sizes, description, true);
    }

    List<String> types() {
        return List.copyOf(fingerprints.keySet());
    }

    long size() {
        return sizes.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = String.join(" ", name, String.join(" ", aliases), os, release, architecture, variant,
                description, String.join(" ", fingerprints.values())).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
