package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Provider keys at rest: AES-256-GCM bound to their row, a generated key kept privately, rotation without loss. */
class SecretSealTest {

    @TempDir
    Path dataDir;

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private SecretSeal seal(String key, List<String> previous) {
        return new SecretSeal("comptoir.payments", key, previous, dataDir.resolve("payments-encryption.key"));
    }

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndItsRow() throws Exception {
        SecretSeal seal = seal(newKey(), List.of());

        SecretSeal.Sealed sealed = seal.seal("{\"secretKey\":\"sk_test_abc\"}", "tenant-a:stripe");

        assertThat(new String(sealed.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("sk_test_abc");
        assertThat(seal.open(sealed, "tenant-a:stripe")).isEqualTo("{\"secretKey\":\"sk_test_abc\"}");
        assertThatThrownBy(() -> seal.open(sealed, "tenant-b:stripe")).isInstanceOf(SecretSeal.Unreadable.class);
        byte[] changed = sealed.bytes().clone();
        changed[changed.length - 1] ^= 1;
        assertThatThrownBy(() -> seal.open(new SecretSeal.Sealed(sealed.keyId(), changed), "tenant-a:stripe"))
                .isInstanceOf(SecretSeal.Unreadable.class);
        assertThat(seal.seal("same", "row").bytes()).isNotEqualTo(seal.seal("same", "row").bytes());
    }

    @Test
    void afterARotationThePreviousKeyStillOpensWhatItSealed() throws Exception {
        String oldKey = newKey();
        SecretSeal before = seal(oldKey, List.of());
        SecretSeal.Sealed old = before.seal("secret", "row");

        SecretSeal after = seal(newKey(), List.of(oldKey));
        SecretSeal forgetful = seal(newKey(), List.of());

        assertThat(after.currentKeyId()).isNotEqualTo(old.keyId());
        assertThat(after.open(old, "row")).isEqualTo("secret");
        assertThat(after.seal("secret", "row").keyId()).isEqualTo(after.currentKeyId());
        assertThatThrownBy(() -> forgetful.open(old, "row")).isInstanceOf(SecretSeal.Unreadable.class)
                .hasMessageContaining(old.keyId());
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKeptPrivate() throws Exception {
        SecretSeal first = seal(null, List.of());
        SecretSeal.Sealed sealed = first.seal("secret", "row");
        SecretSeal second = seal("", List.of());

        Path file = dataDir.resolve("payments-encryption.key");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(second.open(sealed, "row")).isEqualTo("secret");
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesIsRefusedAtStart() {
        assertThatThrownBy(() -> seal("c2hvcnQ=", List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32");
    }
}
