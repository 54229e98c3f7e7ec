package net.taonet.identity.wallet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Ss58;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Wallets on disk, laid out as Bittensor lays them out (DESIGN §6):
 * <pre>
 * &lt;root&gt;/&lt;wallet&gt;/coldkey          the coldkey's seed, encrypted: scrypt → AES-256-GCM (JSON)
 * &lt;root&gt;/&lt;wallet&gt;/coldkeypub.txt   the coldkey's public key and address (JSON, no secret)
 * &lt;root&gt;/&lt;wallet&gt;/hotkeys/&lt;name&gt;  a hotkey, in plain form (JSON with its seed), as Bittensor keeps hotkeys
 * </pre>
 * Files are written with permissions 600 and directories 700 (where the file system has POSIX
 * permissions), each file atomically (a temporary file moved into place). The coldkey's scrypt parameters,
 * salt and the address are authenticated data of the AES-GCM encryption, so a wrong password or an edited
 * file is refused, never turned into a different key.
 */
public final class WalletStore {

    /** Environment variable that moves the default root. */
    public static final String ROOT_ENV = "TAONET_WALLETS_DIR";

    static final String COLDKEY = "coldkey";
    static final String COLDKEYPUB = "coldkeypub.txt";
    static final String HOTKEYS = "hotkeys";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    private static final int VERSION = 1;
    private static final String AAD_CONTEXT = "taonet-coldkey-v1";
    private static final Set<PosixFilePermission> FILE_600 = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_700 = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final ScryptParams scrypt;
    private final SecureRandom random = new SecureRandom();

    public WalletStore(Path root) {
        this(root, ScryptParams.DEFAULT);
    }

    public WalletStore(Path root, ScryptParams scrypt) {
        this.root = root.toAbsolutePath().normalize();
        this.scrypt = scrypt;
    }

    /** {@code $TAONET_WALLETS_DIR}, else {@code ~/.taonet/wallets}. */
    public static Path defaultRoot() {
        String env = System.getenv(ROOT_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".taonet", "wallets");
    }

    public static WalletStore atDefaultRoot() {
        return new WalletStore(defaultRoot());
    }

    public Path root() {
        return root;
    }

    public Path walletDirectory(String wallet) {
        return root.resolve(checkName(wallet, "wallet"));
    }

    /** Creates a wallet with a fresh random coldkey, encrypted with {@code password}; returns the coldkey. */
    public KeyPair create(String wallet, char[] password) {
        return store(wallet, KeyPair.generate(), password, false);
    }

    /**
     * Recreates a wallet's coldkey from its backup (the 32-byte seed) and encrypts it with {@code password}.
     * An existing coldkey is replaced only when {@code overwrite}; its hotkeys are kept.
     */
    public KeyPair regenerate(String wallet, byte[] seed, char[] password, boolean overwrite) {
        return store(wallet, KeyPair.fromSeed(seed), password, overwrite);
    }

    private KeyPair store(String wallet, KeyPair coldkey, char[] password, boolean overwrite) {
        checkPassword(password);
        Path dir = walletDirectory(wallet);
        if (!overwrite && Files.exists(dir.resolve(COLDKEY))) {
            throw new WalletException("wallet '" + wallet + "' already exists in " + root);
        }
        createDirectories(dir);
        writeFile(dir.resolve(COLDKEY), encrypt(coldkey, password, scrypt), overwrite);
        writeFile(dir.resolve(COLDKEYPUB), publicJson(coldkey), true);
        return coldkey;
    }

    /** The wallet's coldkey, decrypted; a wrong password is a {@link WrongPasswordException}. */
    public KeyPair unlockColdkey(String wallet, char[] password) {
        Path file = walletDirectory(wallet).resolve(COLDKEY);
        Map<String, String> json = readJson(file, "coldkey of wallet '" + wallet + "'");
        return decrypt(wallet, json, password);
    }

    /** The coldkey's address, from {@code coldkeypub.txt} (no password needed). */
    public String coldkeyAddress(String wallet) {
        Map<String, String> json = readJson(walletDirectory(wallet).resolve(COLDKEYPUB),
                "public coldkey of wallet '" + wallet + "'");
        String address = json.get("ss58Address");
        if (address == null || !Ss58.isValid(address)) {
            throw new WalletException("the coldkeypub.txt of wallet '" + wallet + "' has no valid address");
        }
        return address;
    }

    /** Creates a hotkey with a fresh random key in an existing wallet. */
    public KeyPair createHotkey(String wallet, String hotkey) {
        return storeHotkey(wallet, hotkey, KeyPair.generate(), false);
    }

    /** Stores a hotkey from its seed (a backup), replacing an existing one only when {@code overwrite}. */
    public KeyPair regenerateHotkey(String wallet, String hotkey, byte[] seed, boolean overwrite) {
        return storeHotkey(wallet, hotkey, KeyPair.fromSeed(seed), overwrite);
    }

    private KeyPair storeHotkey(String wallet, String hotkey, KeyPair key, boolean overwrite) {
        Path dir = requireWallet(wallet);
        Path file = dir.resolve(HOTKEYS).resolve(checkName(hotkey, "hotkey"));
        if (!overwrite && Files.exists(file)) {
            throw new WalletException("hotkey '" + hotkey + "' already exists in wallet '" + wallet + "'");
        }
        createDirectories(dir.resolve(HOTKEYS));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("publicKey", "0x" + key.publicKeyHex());
        json.put("secretSeed", "0x" + key.seedHex());
        json.put("ss58Address", key.address());
        writeFile(file, FlatJson.write(json), overwrite);
        return key;
    }

    /** A hotkey of a wallet (hotkeys are stored unencrypted, so no password is needed). */
    public KeyPair hotkey(String wallet, String hotkey) {
        Path file = requireWallet(wallet).resolve(HOTKEYS).resolve(checkName(hotkey, "hotkey"));
        Map<String, String> json = readJson(file, "hotkey '" + hotkey + "' of wallet '" + wallet + "'");
        KeyPair key;
        try {
            key = KeyPair.fromSeedHex(json.getOrDefault("secretSeed", ""));
        } catch (IllegalArgumentException e) {
            throw new WalletException("hotkey file " + file + " has no valid secretSeed");
        }
        String stored = json.get("ss58Address");
        if (stored != null && !stored.equals(key.address())) {
            throw new WalletException("hotkey file " + file + " is inconsistent: its seed does not give its address");
        }
        return key;
    }

    /** Names of the wallets under the root (directories with a coldkeypub.txt), sorted. */
    public List<String> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                if (Files.exists(d.resolve(COLDKEYPUB)) && NAME.matcher(d.getFileName().toString()).matches()) {
                    names.add(d.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new WalletException("cannot list wallets in " + root + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    /** Names of a wallet's hotkeys, sorted. */
    public List<String> hotkeyNames(String wallet) {
        Path dir = requireWallet(wallet).resolve(HOTKEYS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new WalletException("cannot list hotkeys of wallet '" + wallet + "': " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    /** The wallet's public information: coldkey address and public key, and every hotkey. */
    public WalletInfo info(String wallet) {
        Path dir = requireWallet(wallet);
        String address = coldkeyAddress(wallet);
        List<HotkeyInfo> hotkeys = new ArrayList<>();
        for (String name : hotkeyNames(wallet)) {
            KeyPair key = hotkey(wallet, name);
            hotkeys.add(new HotkeyInfo(name, key.address(), key.publicKeyHex()));
        }
        return new WalletInfo(wallet, dir, address, HexFormat.of().formatHex(Ss58.decode(address)), List.copyOf(hotkeys));
    }

    public boolean exists(String wallet) {
        return Files.exists(walletDirectory(wallet).resolve(COLDKEYPUB));
    }

    private Path requireWallet(String wallet) {
        Path dir = walletDirectory(wallet);
        if (!Files.exists(dir.resolve(COLDKEYPUB))) {
            throw new WalletException("no wallet '" + wallet + "' in " + root);
        }
        return dir;
    }

    // ---------------------------------------------------------------- encryption

    private String encrypt(KeyPair coldkey, char[] password, ScryptParams params) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] key = derive(password, salt, params);
        byte[] seed = coldkey.seed();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(params, salt, coldkey.address()));
            byte[] ciphertext = cipher.doFinal(seed);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", VERSION);
            json.put("ss58Address", coldkey.address());
            json.put("kdf", "scrypt");
            json.put("n", params.n());
            json.put("r", params.r());
            json.put("p", params.p());
            json.put("salt", Base64.getEncoder().encodeToString(salt));
            json.put("cipher", "aes-256-gcm");
            json.put("iv", Base64.getEncoder().encodeToString(iv));
            json.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
            return FlatJson.write(json);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(seed, (byte) 0);
        }
    }

    private KeyPair decrypt(String wallet, Map<String, String> json, char[] password) {
        ScryptParams params;
        byte[] salt;
        byte[] iv;
        byte[] ciphertext;
        String address = json.get("ss58Address");
        try {
            if (!String.valueOf(VERSION).equals(json.get("version")) || !"scrypt".equals(json.get("kdf"))
                    || !"aes-256-gcm".equals(json.get("cipher")) || address == null) {
                throw new IllegalArgumentException("unsupported format");
            }
            params = new ScryptParams(Integer.parseInt(json.get("n")), Integer.parseInt(json.get("r")),
                    Integer.parseInt(json.get("p")));
            salt = Base64.getDecoder().decode(json.get("salt"));
            iv = Base64.getDecoder().decode(json.get("iv"));
            ciphertext = Base64.getDecoder().decode(json.get("ciphertext"));
        } catch (RuntimeException e) {
            throw new WalletException("the coldkey file of wallet '" + wallet + "' is not a valid TaoNet coldkey ("
                    + e.getMessage() + ")");
        }
        byte[] key = derive(password, salt, params);
        byte[] seed = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(params, salt, address));
            seed = cipher.doFinal(ciphertext);
            KeyPair coldkey = KeyPair.fromSeed(seed);
            // The AAD already binds the address; comparing again guards against a file written by a faulty tool.
            if (!MessageDigest.isEqual(coldkey.address().getBytes(StandardCharsets.US_ASCII),
                    address.getBytes(StandardCharsets.US_ASCII))) {
                throw new WalletException("the coldkey of wallet '" + wallet + "' does not match its address");
            }
            return coldkey;
        } catch (AEADBadTagException e) {
            throw new WrongPasswordException("wrong password for wallet '" + wallet
                    + "' (or its coldkey file was altered)");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WalletException("the coldkey file of wallet '" + wallet + "' cannot be decrypted: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    private static byte[] aad(ScryptParams params, byte[] salt, String address) {
        String text = AAD_CONTEXT + "|" + params.n() + "|" + params.r() + "|" + params.p() + "|"
                + Base64.getEncoder().encodeToString(salt) + "|" + address;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(char[] password, byte[] salt, ScryptParams params) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return SCrypt.generate(bytes, salt, params.n(), params.r(), params.p(), 32);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new WalletException("a non-empty password is required to encrypt the coldkey");
        }
    }

    // ---------------------------------------------------------------- files

    private static String publicJson(KeyPair key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accountId", "0x" + key.publicKeyHex());
        json.put("publicKey", "0x" + key.publicKeyHex());
        json.put("ss58Address", key.address());
        return FlatJson.write(json);
    }

    private static String checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new WalletException("invalid " + what + " name '" + name
                    + "': use 1-64 letters, digits, '_', '-' or '.', not starting with '.' or '-'");
        }
        return name;
    }

    private static Map<String, String> readJson(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new WalletException("the " + what + " does not exist (" + file + ")");
        } catch (IOException e) {
            throw new WalletException("cannot read the " + what + " (" + file + "): " + e.getMessage(), e);
        }
        try {
            return FlatJson.read(text);
        } catch (IllegalArgumentException e) {
            throw new WalletException("the " + what + " is not valid JSON (" + file + "): " + e.getMessage());
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private void createDirectories(Path dir) {
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (posix(dir)) {
                    Files.setPosixFilePermissions(dir, DIR_700);
                }
            }
        } catch (IOException e) {
            throw new WalletException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes through a 600 temporary file in the same directory, then moves it into place. */
    private static void writeFile(Path file, String content, boolean overwrite) {
        Path dir = file.getParent();
        Path tmp = null;
        try {
            FileAttribute<?>[] attrs = posix(dir)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_600)}
                    : new FileAttribute<?>[0];
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            if (!overwrite && Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new WalletException(file + " already exists");
        } catch (IOException e) {
            throw new WalletException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file holds nothing the real file would not
                }
            }
        }
    }
}
