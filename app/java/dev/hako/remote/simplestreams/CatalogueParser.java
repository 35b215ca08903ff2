package dev.hako.remote.simplestreams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a simplestreams server's {@code streams/v1/index.json} and its image product
 * catalogues the way LXD and Incus do ({@code shared/simplestreams/products.go}): an
 * image is the metadata item ({@code lxd.tar.xz} for LXD, {@code incus.tar.xz} for
 * Incus: each daemon ignores the other's) plus one rootfs item of a version, its
 * fingerprint the metadata item's combined sha256 for that rootfs; a single
 * {@code lxd_combined.tar.gz} / {@code incus_combined.tar.gz} item is an image by itself. Catalogues run to tens of
 * megabytes, so they are read as a stream, one product at a time.
 */
public final class CatalogueParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** Rootfs item types, best first, with the metadata field holding the combined fingerprint. */
    private static final String[][] ROOTS = {
        {"squashfs", "combined_squashfs_sha256", "container"},
        {"root.tar.xz", "combined_rootxz_sha256", "container"},
        {"disk-kvm.img", "combined_disk-kvm-img_sha256", "virtual-machine"},
        {"uefi1.img", "combined_uefi1-img_sha256", "virtual-machine"},
        {"disk1.img", "combined_disk1-img_sha256", "virtual-machine"},
    };

    private CatalogueParser() {
    }

    /** The paths of the {@code image-downloads} product catalogues an index lists. */
    public static List<String> imageCataloguePaths(InputStream index) throws IOException {
        JsonNode root = MAPPER.readTree(index);
        List<String> paths = new ArrayList<>();
        JsonNode entries = root.path("index");
        for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); ) {
            JsonNode entry = it.next();
            if ("image-downloads".equals(entry.path("datatype").asText()) && entry.hasNonNull("path")) {
                paths.add(entry.path("path").asText());
            }
        }
        if (paths.isEmpty() && !root.has("index")) {
            throw new IOException("not a simplestreams index: no \"index\" object");
        }
        return paths;
    }

    /** The images of a products catalogue (newest version of each product), in product order. */
    public static List<SimplestreamsImage> parseProducts(InputStream catalogue) throws IOException {
        List<SimplestreamsImage> images = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(catalogue)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a simplestreams products catalogue: no JSON object");
            }
            boolean sawProducts = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("products".equals(field) && value == JsonToken.START_OBJECT) {
                    sawProducts = true;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String id = parser.currentName();
                        parser.nextToken();
                        JsonNode product = MAPPER.readTree(parser);
                        images.addAll(imagesOf(id, product));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawProducts) {
                throw new IOException("not a simplestreams products catalogue: no \"products\" object");
            }
        }
        return images;
    }

    static List<SimplestreamsImage> imagesOf(String id, JsonNode product) {
        JsonNode versions = product.path("versions");
        List<String> serials = new ArrayList<>();
        versions.fieldNames().forEachRemaining(serials::add);
        serials.removeIf(s -> s.length() < 8);
        serials.sort(Comparator.reverseOrder());
        List<String> aliases = new ArrayList<>();
        String aliasText = product.path("aliases").asText("");
        if (!aliasText.isBlank()) {
            Arrays.stream(aliasText.split(",")).map(String::trim).filter(a -> !a.isEmpty()).forEach(aliases::add);
        }
        for (String serial : serials) {
            JsonNode items = versions.path(serial).path("items");
            Map<String, SimplestreamsImage> found = new LinkedHashMap<>();
            for (String daemon : List.of(SimplestreamsImage.LXD, SimplestreamsImage.INCUS)) {
                for (SimplestreamsImage image : imagesFor(daemon, id, product, aliases, items, serial)) {
                    String key = image.type() + "/" + image.fingerprint();
                    SimplestreamsImage known = found.get(key);
                    if (known == null) {
                        found.put(key, image);
                    } else {
                        java.util.Set<String> both = new java.util.TreeSet<>(known.daemons());
                        both.addAll(image.daemons());
                        found.put(key, new SimplestreamsImage(known.product(), known.os(), known.release(),
                                known.releaseTitle(), known.architecture(), known.variant(), known.aliases(),
                                known.type(), known.size(), known.fingerprint(), known.serial(),
                                java.util.Set.copyOf(both)));
                    }
                }
            }
            if (!found.isEmpty()) {
                return new ArrayList<>(found.values());
            }
        }
        return List.of();
    }

    /** The images a daemon sees in one version: it reads only its own metadata item types. */
    private static List<SimplestreamsImage> imagesFor(String daemon, String id, JsonNode product, List<String> aliases,
                                                      JsonNode items, String serial) {
        Map<String, SimplestreamsImage> byType = new LinkedHashMap<>();
        JsonNode meta = find(items, daemon + ".tar.xz");
        JsonNode combined = find(items, daemon + "_combined.tar.gz");
        if (meta != null) {
            for (String[] root : ROOTS) {
                JsonNode rootItem = find(items, root[0]);
                if (rootItem == null || byType.containsKey(root[2])) {
                    continue;
                }
                String fingerprint = meta.path(root[1]).asText("");
                if (fingerprint.isEmpty() && root[0].equals("root.tar.xz")) {
                    fingerprint = meta.path("combined_sha256").asText("");
                }
                if (fingerprint.isEmpty()) {
                    continue;
                }
                byType.put(root[2], image(id, product, aliases, root[2],
                        meta.path("size").asLong() + rootItem.path("size").asLong(), fingerprint, serial, daemon));
            }
        } else if (combined != null && combined.hasNonNull("sha256")) {
            byType.put("container", image(id, product, aliases, "container", combined.path("size").asLong(),
                    combined.path("sha256").asText(), serial, daemon));
        }
        return new ArrayList<>(byType.values());
    }

    private static JsonNode find(JsonNode items, String ftype) {
        for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (ftype.equals(item.path("ftype").asText())) {
                return item;
            }
        }
        return null;
    }

    private static SimplestreamsImage image(String id, JsonNode product, List<String> aliases, String type, long size,
                                            String fingerprint, String serial, String daemon) {
        return new SimplestreamsImage(id, product.path("os").asText(""), product.path("release").asText(""),
                product.path("release_title").asText(""), product.path("arch").asText(""),
                product.path("variant").asText(""), List.copyOf(aliases), type, size, fingerprint, serial,
                java.util.Set.of(daemon));
    }
}
