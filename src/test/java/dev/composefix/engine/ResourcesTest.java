package dev.composefix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources come from the jar when it holds them, as the class loader would read them, else from the class loader. */
class ResourcesTest {

    @TempDir
    Path dir;

    @Test
    void aJarsEntriesAreReadFromItVersionedAsTheClassLoaderReadsThem() throws Exception {
        Path file = dir.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            put(jar, "a/b.txt", "plain");
            put(jar, "a/c.txt", "base");
            put(jar, "META-INF/versions/9/a/c.txt", "versioned");
        }
        try (JarFile jar = new JarFile(file.toFile(), false, JarFile.OPEN_READ, Runtime.version())) {
            assertEquals("plain", text(Resources.open("/a/b.txt", jar)));
            assertEquals("versioned", text(Resources.open("/a/c.txt", jar)));
            // Not in the jar: the class loader's (this build's classes), or nothing.
            assertNotNull(Resources.open("/dev/composefix/startup.idx", jar));
            assertNull(Resources.open("/no/such/resource", jar));
            assertNull(Resources.open("/a", jar));
        }
    }

    private static void put(JarOutputStream jar, String name, String text) throws Exception {
        jar.putNextEntry(new JarEntry(name));
        jar.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }

    private static String text(InputStream in) throws Exception {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
