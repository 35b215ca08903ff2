package dev.hako.remote.simplestreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueParserTest {

    private static InputStream fixture(String name) {
        return CatalogueParserTest.class.getResourceAsStream(name);
    }

    @Test
    void indexListsOnlyImageDownloads() throws IOException {
        assertThat(CatalogueParser.imageCataloguePaths(fixture("index.json")))
                .containsExactly("streams/v1/images.json");
    }

    @Test
    void newestVersionOfEachProductPerTypeWithCombinedFingerprints() throws IOException {
        List<SimplestreamsImage> images = CatalogueParser.parseProducts(fixture("images.json"));
        assertThat(images).extracting(i -> i.product() + " " + i.type() + " " + i.fingerprint() + " " + i.size()
                + " " + i.daemons().stream().sorted().toList()).containsExactly(
                "debian:bookworm:amd64:cloud container ct2 1100 [incus, lxd]",
                "debian:bookworm:amd64:cloud virtual-machine vm2 5100 [incus, lxd]",
                "alpine:3.19:arm64:default container alpine-xz 2050 [incus]",
                "old:1:amd64:default container old-unified 700 [lxd]");
        SimplestreamsImage debian = images.get(0);
        assertThat(debian.aliases()).containsExactly("debian/bookworm/cloud", "debian/12/cloud");
        assertThat(debian.serial()).isEqualTo("20240102_05:24");
        assertThat(debian.os()).isEqualTo("Debian");
        assertThat(debian.variant()).isEqualTo("cloud");
        assertThat(debian.kernelArchitecture()).isEqualTo("x86_64");
        assertThat(images.get(2).kernelArchitecture()).isEqualTo("aarch64");
        assertThat(images.get(1).virtualMachine()).isTrue();
        assertThat(images.get(2).pullableBy("lxd")).isFalse();
        assertThat(debian.matches("debian 12 cloud")).isTrue();
        assertThat(debian.matches("DEBIAN x86_64")).isTrue();
        assertThat(debian.matches("alpine")).isFalse();
    }

    @Test
    void productsGroupTheImagesADaemonCanPull() throws IOException {
        List<SimplestreamsImage> images = CatalogueParser.parseProducts(fixture("images.json"));
        assertThat(SimplestreamsClient.byProduct(images, SimplestreamsImage.LXD)).extracting(
                product -> product.stream().map(i -> i.product() + " " + i.type()).toList()).containsExactly(
                List.of("debian:bookworm:amd64:cloud container", "debian:bookworm:amd64:cloud virtual-machine"),
                List.of("old:1:amd64:default container"));
        assertThat(SimplestreamsClient.byProduct(images, SimplestreamsImage.INCUS)).extracting(List::size)
                .containsExactly(2, 1);
    }

    @Test
    void notACatalogueIsAnError() {
        assertThatThrownBy(() -> CatalogueParser.parseProducts(new ByteArrayInputStream(
                "{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> CatalogueParser.parseProducts(new ByteArrayInputStream(
                "[]".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IOException.class);
    }

    @Test
    void aLargeCatalogueIsReadAsAStream() throws IOException {
        // 20,000 products (about 8 MB), read one product at a time.
        StringBuilder json = new StringBuilder("{\"products\":{");
        for (int i = 0; i < 20_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"aliases\":\"p").append(i)
                    .append("\",\"arch\":\"amd64\",\"os\":\"X\",\"release\":\"").append(i)
                    .append("\",\"versions\":{\"20240101\":{\"items\":{\"m\":{\"ftype\":\"lxd.tar.xz\",\"path\":\"m\","
                            + "\"size\":1,\"combined_squashfs_sha256\":\"f").append(i)
                    .append("\"},\"r\":{\"ftype\":\"squashfs\",\"path\":\"r\",\"size\":2}}}}}");
        }
        json.append("},\"format\":\"products:1.0\"}");
        List<SimplestreamsImage> images = CatalogueParser.parseProducts(new ByteArrayInputStream(
                json.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(images).hasSize(20_000);
        assertThat(images.get(19_999).fingerprint()).isEqualTo("f19999");
    }
}
