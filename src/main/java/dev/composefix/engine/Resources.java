package dev.composefix.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Reads composefix's own resources (the startup index, the Compose schema, rule docs, the version). Run
 * from its jar alone ({@code java -jar composefix.jar}, as the launcher does), they are read from that jar
 * directly: the class loader's way, the first time, makes and parses URLs and opens a connection, which
 * took 5 to 8 ms of a cold start, against under 1 ms this way (the JVM has the jar's directory already).
 * Any other class path (tests, an IDE) reads them through the class loader.
 */
public final class Resources {

    private Resources() {
    }

    /** The jar the class path is made of, opened on first use; null when the class path is anything else. */
    private static final class Jar {
        static final JarFile FILE = open();

        private static JarFile open() {
            String path = System.getProperty("java.class.path", "");
            if (!path.endsWith(".jar") || path.indexOf(java.io.File.pathSeparatorChar) >= 0) {
                return null;
            }
            try {
                // Open for the life of the process, as the class loader's is; versioned as the class loader reads
                // a multi-release jar.
                return new JarFile(new java.io.File(path), false, JarFile.OPEN_READ, Runtime.version());
            } catch (IOException | SecurityException e) {
                return null;
            }
        }
    }

    /** The bytes of the resource at {@code path} (such as {@code /dev/composefix/startup.idx}), or null. */
    public static byte[] read(String path) throws IOException {
        try (InputStream in = open(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The resource at {@code path}, or null when there is none. */
    public static InputStream open(String path) throws IOException {
        return open(path, Jar.FILE);
    }

    /** The resource at {@code path}, from {@code jar} when it holds it, else from the class loader. */
    static InputStream open(String path, JarFile jar) throws IOException {
        if (jar != null && path.startsWith("/")) {
            ZipEntry entry = jar.getEntry(path.substring(1));
            if (entry != null && !entry.isDirectory()) {
                return jar.getInputStream(entry);
            }
        }
        return Resources.class.getResourceAsStream(path);
    }
}
