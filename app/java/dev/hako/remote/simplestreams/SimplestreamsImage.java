package dev.hako.remote.simplestreams;

import java.util.List;
import java.util.Locale;

/**
 * One image a simplestreams server offers, as LXD and Incus see it: the newest
 * version of a product, for one instance type.
 *
 * @param product      the product id, e.g. {@code ubuntu:noble:amd64:default}
 * @param architecture the product's architecture as published ({@code amd64}, {@code arm64} …)
 * @param aliases      the product's aliases, in published order (the daemons also accept {@code alias/arch})
 * @param type         {@code container} or {@code virtual-machine}
 * @param size         bytes to download (metadata + rootfs)
 * @param fingerprint  what the image will be called on the server: the combined sha256
 * @param serial       the version ({@code 20240101_07:42} …)
 * @param daemons      which daemons can pull it: {@code lxd} (an {@code lxd.tar.xz} or {@code lxd_combined.tar.gz}
 *                     item) and/or {@code incus} ({@code incus.tar.xz}, {@code incus_combined.tar.gz}); each
 *                     daemon only looks at its own metadata items
 */
public record SimplestreamsImage(
        String product,
        String os,
        String release,
        String releaseTitle,
        String architecture,
        String variant,
        List<String> aliases,
        String type,
        long size,
        String fingerprint,
        String serial,
        java.util.Set<String> daemons) {

    public static final String LXD = "lxd";
    public static final String INCUS = "incus";

    /** True when a daemon of that kind ({@code lxd} or {@code incus}) can pull this image. */
    public boolean pullableBy(String daemon) {
        return daemons.contains(daemon);
    }

    public boolean virtualMachine() {
        return "virtual-machine".equals(type);
    }

    /** The first alias, or the fingerprint when the product has none. */
    public String name() {
        return aliases.isEmpty() ? dev.hako.lxd.api.Image.shortFingerprint(fingerprint) : aliases.get(0);
    }

    /** The kernel's name for the published architecture ({@code amd64} → {@code x86_64}), as the daemons report it. */
    public String kernelArchitecture() {
        return switch (architecture == null ? "" : architecture) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            case "armhf" -> "armv7l";
            case "i386" -> "i686";
            case "ppc64el" -> "ppc64le";
            default -> architecture;
        };
    }

    /** True when every word of {@code query} appears in the alias, OS, release, title, variant or architecture. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = String.join(" ", String.join(" ", aliases), os, release, releaseTitle == null ? ""
                : releaseTitle, variant == null ? "" : variant, architecture, kernelArchitecture(), fingerprint)
                .toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
