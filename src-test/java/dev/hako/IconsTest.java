package dev.hako;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every icon the window, the installers and the desktop entry use exists, is a real image, and has its size. */
class IconsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static BufferedImage png(byte[] bytes, String what) throws IOException {
        assertThat(Arrays.copyOf(bytes, 8)).as(what + " PNG signature").isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as(what + " decodes").isNotNull();
        assertThat(image.getColorModel().hasAlpha()).as(what + " has transparency").isTrue();
        return image;
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512, 1024})
    void masterSizesAreRenderedAsPng(int size) throws IOException {
        BufferedImage image = png(Files.readAllBytes(Path.of("icons/png/hako-" + size + ".png")), "hako-" + size);
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        // The corners are transparent (rounded tile), the centre is opaque.
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
        assertThat(image.getRGB(size / 2, size / 2) >>> 24).isEqualTo(0xff);
    }

    @Test
    void theWindowIconsAreOnTheClassPath() throws IOException {
        for (int size : App.ICON_SIZES) {
            try (InputStream in = App.class.getResourceAsStream("/dev/hako/icons/hako-" + size + ".png")) {
                assertThat(in).as("window icon " + size).isNotNull();
                BufferedImage image = png(in.readAllBytes(), "window icon " + size);
                assertThat(image.getWidth()).isEqualTo(size);
                assertThat(image.getHeight()).isEqualTo(size);
                assertThat(in).isNotNull();
            }
            assertThat(App.class.getResourceAsStream("/dev/hako/icons/hako-" + size + ".png").readAllBytes())
                    .as("window icon %d is the one rendered from the master", size)
                    .isEqualTo(Files.readAllBytes(Path.of("icons/png/hako-" + size + ".png")));
        }
    }

    @Test
    void windowsIconHoldsEverySizeUpTo256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(Path.of("icons/hako.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).isZero();
        assertThat(ico.getShort(2)).as("type icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(ico.get(entry));
            int height = Byte.toUnsignedInt(ico.get(entry + 1));
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertThat(width).isEqualTo(height);
            assertThat(offset + length).isLessThanOrEqualTo(ico.capacity());
            sizes.add(width == 0 ? 256 : width);
        }
        assertThat(sizes).containsExactlyInAnyOrder(16, 24, 32, 48, 64, 128, 256);
    }

    @Test
    void macIconHoldsTheRetinaSizes() throws IOException {
        ByteBuffer icns = ByteBuffer.wrap(Files.readAllBytes(Path.of("icons/hako.icns"))).order(ByteOrder.BIG_ENDIAN);
        assertThat(new String(icns.array(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).isEqualTo(icns.capacity());
        Set<String> types = new HashSet<>();
        int at = 8;
        while (at < icns.capacity()) {
            types.add(new String(icns.array(), at, 4, java.nio.charset.StandardCharsets.US_ASCII));
            int length = icns.getInt(at + 4);
            assertThat(length).isGreaterThan(8);
            at += length;
        }
        assertThat(at).isEqualTo(icns.capacity());
        // 16, 32, 48 (is32/il32/ih32 + masks), 128 (it32), 256 (ic08), 512 (ic09), 1024 (ic10).
        assertThat(types).contains("is32", "il32", "ih32", "it32", "ic08", "ic09", "ic10");
    }

    @Test
    void theMasterIsAnSvg() throws IOException {
        String svg = Files.readString(Path.of("icons/hako.svg"));
        assertThat(svg).contains("<svg").contains("viewBox=\"0 0 1024 1024\"");
    }
}
