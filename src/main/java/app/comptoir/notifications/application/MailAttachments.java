package app.comptoir.notifications.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Several files in the mail log's one attachment (name, bytes) and back. One file is kept as it is, as every mail
 * before had it. Several are stored as a ZIP of the files, and the name lists their names one a line: a line break
 * cannot be in a file name, so a single file's name never reads as a list. The sender unpacks them into as many
 * attachments; the recipient never sees the ZIP.
 */
final class MailAttachments {

    /** A file to attach. */
    record File(String name, byte[] bytes) {
    }

    /** The files as the log's name and bytes (both null for none). */
    record Packed(String name, byte[] bytes) {
    }

    private MailAttachments() {
    }

    static Packed pack(List<File> files) {
        if (files.isEmpty()) {
            return new Packed(null, null);
        }
        if (files.size() == 1) {
            return new Packed(files.getFirst().name(), files.getFirst().bytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (File file : files) {
                if (file.name().contains("\n")) {
                    throw new IllegalArgumentException("A file name has no line break: " + file.name());
                }
                names.add(file.name());
                zip.putNextEntry(new ZipEntry(names.size() + "/" + file.name()));
                zip.write(file.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Packed(String.join("\n", names), out.toByteArray());
    }

    static List<File> unpack(String name, byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        if (name == null || !name.contains("\n")) {
            return List.of(new File(name, bytes));
        }
        String[] names = name.split("\n");
        List<File> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.add(new File(names[files.size()], zip.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
