package net.taonet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.taonet.identity.KeyPair;
import net.taonet.identity.wallet.WalletStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletCommandTest {

    @TempDir
    Path dir;

    CliRun cli;
    String walletsDir;

    @BeforeEach
    void setUp() {
        cli = new CliRun();
        walletsDir = dir.resolve("wallets").toString();
        cli.env.put("TAONET_WALLET_PASSWORD", "s3cret pass");
    }

    static void assertOneErrorLine(CliRun.Result r, int code, String fragment) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("taonet: ").contains(fragment).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    static String field(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + "\\s+(\\S+)").matcher(out);
        assertThat(m.find()).as("'%s' in %s", label, out).isTrue();
        return m.group(1);
    }

    @Test
    void createPrintsTheAddressAndTheBackupOnceAndTheWalletOpensWithThePassword() {
        CliRun.Result r = cli.run("wallet", "create", "--name", "alice", "--hotkey", "default", "--wallets-dir", walletsDir);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        String address = field(r.out(), "coldkey");
        String seed = field(r.out(), "seed");
        assertThat(r.out()).contains("BACKUP").contains("keep it secret");
        assertThat(KeyPair.fromSeedHex(seed).address()).isEqualTo(address);

        WalletStore store = new WalletStore(Path.of(walletsDir));
        assertThat(store.unlockColdkey("alice", "s3cret pass".toCharArray()).address()).isEqualTo(address);
        assertThat(store.hotkeyNames("alice")).containsExactly("default");

        CliRun.Result show = cli.run("wallet", "show", "--name", "alice", "--wallets-dir", walletsDir);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains(address).contains("(default)").doesNotContain(seed);
    }

    @Test
    void theWalletsDirCanComeBeforeTheVerbOrFromTheEnvironment() {
        assertThat(cli.run("--wallets-dir", walletsDir, "wallet", "create", "--name", "a").code()).isZero();
        cli.env.put("TAONET_WALLETS_DIR", walletsDir);
        CliRun.Result list = cli.run("wallet", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).startsWith("a  5");
    }

    @Test
    void newHotkeyListAndShowAsJson() {
        cli.run("wallet", "create", "--name", "bob", "--wallets-dir", walletsDir);
        CliRun.Result h = cli.run("wallet", "new-hotkey", "--wallet", "bob", "--name", "miner1", "--wallets-dir", walletsDir);
        assertThat(h.code()).as(h.err()).isZero();
        String hotkey = field(h.out(), "hotkey");

        CliRun.Result list = cli.run("wallet", "list", "--wallets-dir", walletsDir);
        assertThat(list.out()).contains("bob").contains("1 hotkey");

        CliRun.Result json = cli.run("wallet", "show", "--name", "bob", "--json", "--wallets-dir", walletsDir);
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"ss58Address\" : \"" + hotkey + "\"").contains("\"name\" : \"miner1\"");

        assertOneErrorLine(cli.run("wallet", "new-hotkey", "--wallet", "bob", "--name", "miner1", "--wallets-dir", walletsDir),
                2, "already exists");
        assertOneErrorLine(cli.run("wallet", "new-hotkey", "--wallet", "nobody", "--name", "x", "--wallets-dir", walletsDir),
                2, "no wallet 'nobody'");
    }

    @Test
    void regenFromTheBackupRestoresTheSameColdkey() {
        CliRun.Result created = cli.run("wallet", "create", "--name", "carol", "--wallets-dir", walletsDir);
        String address = field(created.out(), "coldkey");
        String seed = field(created.out(), "seed");
        String elsewhere = dir.resolve("restored").toString();

        CliRun.Result regen = cli.run("wallet", "regen", "--name", "carol", "--seed", "0x" + seed, "--wallets-dir", elsewhere);
        assertThat(regen.code()).as(regen.err()).isZero();
        assertThat(field(regen.out(), "coldkey")).isEqualTo(address);

        assertOneErrorLine(cli.run("wallet", "regen", "--name", "carol", "--seed", seed, "--wallets-dir", walletsDir),
                2, "--overwrite");
        assertThat(cli.run("wallet", "regen", "--name", "carol", "--seed", seed, "--overwrite", "--wallets-dir", walletsDir)
                .code()).isZero();
        assertOneErrorLine(cli.run("wallet", "regen", "--name", "x", "--seed", "abcd", "--wallets-dir", walletsDir),
                2, "64 hex digits");
        assertOneErrorLine(cli.run("wallet", "regen", "--name", "x", "--seed", "g".repeat(64), "--wallets-dir", walletsDir),
                2, "not hexadecimal");
    }

    @Test
    void regenReadsTheSeedFromAFile() throws Exception {
        KeyPair key = KeyPair.generate();
        Path seedFile = Files.writeString(dir.resolve("seed.txt"), key.seedHex() + "\n");
        CliRun.Result r = cli.run("wallet", "regen", "--name", "d", "--seed-file", seedFile.toString(), "--wallets-dir", walletsDir);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(field(r.out(), "coldkey")).isEqualTo(key.address());
    }

    @Test
    void passwordsComeFromAFileOrTheTerminalAndAWrongOneIsAClearError() throws Exception {
        cli.env.clear();
        Path file = Files.writeString(dir.resolve("pw"), "from file\nignored second line\n");
        assertThat(cli.run("wallet", "create", "--name", "f", "--password-file", file.toString(), "--wallets-dir", walletsDir)
                .code()).isZero();
        WalletStore store = new WalletStore(Path.of(walletsDir));
        assertThat(store.unlockColdkey("f", "from file".toCharArray())).isNotNull();

        cli.terminal = true;
        cli.typed.add("typed one");
        cli.typed.add("typed one");
        assertThat(cli.run("wallet", "create", "--name", "t", "--wallets-dir", walletsDir).code()).isZero();
        assertThat(store.unlockColdkey("t", "typed one".toCharArray())).isNotNull();

        cli.typed.add("first");
        cli.typed.add("second");
        assertOneErrorLine(cli.run("wallet", "create", "--name", "u", "--wallets-dir", walletsDir), 2, "do not match");
        assertThat(store.exists("u")).isFalse();

        cli.terminal = false;
        assertOneErrorLine(cli.run("wallet", "create", "--name", "v", "--wallets-dir", walletsDir), 2,
                "TAONET_WALLET_PASSWORD");
        assertOneErrorLine(cli.run("wallet", "create", "--name", "w", "--password-file", dir.resolve("none").toString(),
                "--wallets-dir", walletsDir), 2, "does not exist");
    }

    @Test
    void inspectConvertsPublicKeysAndAddresses() {
        CliRun.Result r = cli.run("wallet", "inspect", "--public-key",
                "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
        assertThat(r.code()).isZero();
        assertThat(field(r.out(), "address")).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");

        CliRun.Result back = cli.run("wallet", "inspect", "--address", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
        assertThat(back.out()).contains("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");

        assertOneErrorLine(cli.run("wallet", "inspect", "--public-key", "abc"), 2, "64 hex digits");
        assertOneErrorLine(cli.run("wallet", "inspect", "--address", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694tz"),
                2, "checksum");
        assertOneErrorLine(cli.run("wallet", "inspect"), 2, "--public-key");
        assertOneErrorLine(cli.run("wallet", "inspect", "--public-key", "00", "--address", "x"), 2, "mutually exclusive");
    }

    @Test
    void badUsageIsExit2WithOneLine() {
        assertOneErrorLine(cli.run("wallet", "frobnicate"), 2, "frobnicate");
        assertOneErrorLine(cli.run("wallet", "create"), 2, "--name");
        assertOneErrorLine(cli.run("wallet", "create", "--name", "../x", "--wallets-dir", walletsDir), 2, "invalid wallet name");
        assertOneErrorLine(cli.run("wallet", "show", "--name", "ghost", "--wallets-dir", walletsDir), 2, "no wallet 'ghost'");
        assertThat(cli.run().code()).isEqualTo(2);
        assertThat(cli.run("wallet").code()).isEqualTo(2);
        assertThat(cli.run("--help").code()).isZero();
        assertThat(cli.run("wallet", "create", "--help").out()).contains("--password-file");
    }

    @Test
    void aFileSystemFailureIsExit1() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        CliRun.Result r = cli.run("wallet", "create", "--name", "a", "--wallets-dir", blocker.toString());
        assertOneErrorLine(r, 1, "cannot create");
    }

    @Test
    void anEmptyListSaysHowToCreateAWallet() {
        CliRun.Result r = cli.run("wallet", "list", "--wallets-dir", walletsDir);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No wallets").contains("wallet create");
    }
}
