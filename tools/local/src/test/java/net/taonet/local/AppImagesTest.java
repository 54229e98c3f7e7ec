package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppImagesTest {

    @TempDir
    Path dir;

    @Test
    void quotingSurvivesTheShell() throws Exception {
        String tricky = "it's $HOME `x` \"y\"";
        Process p = new ProcessBuilder("sh", "-c", "printf %s " + AppImages.quote(tricky)).start();

        assertThat(new String(p.getInputStream().readAllBytes())).isEqualTo(tricky);
    }

    @Test
    void withoutCdsTheJarRunsAsItIs() throws Exception {
        Layout layout = new Layout(dir, dir.resolve(".taonet"), 1, 2, 3, dir, Duration.ofSeconds(1));
        Path jar = Files.createFile(dir.resolve("svc-0.1.0-exec.jar"));

        AppImages.Launch launch = new AppImages(layout, false).launch("svc", "svc", jar);

        assertThat(launch.arguments()).containsExactly("-jar", jar.toString());
        assertThat(launch.archiveToRecord()).isNull();
    }

    @Test
    void aRebuiltJarGetsAFolderOfItsOwn() throws Exception {
        Layout layout = new Layout(dir, dir.resolve(".taonet"), 1, 2, 3, dir, Duration.ofSeconds(1));
        Path jar = Files.writeString(dir.resolve("svc-0.1.0-exec.jar"), "one");
        AppImages images = new AppImages(layout, true);
        Path first = images.folder("svc", jar);

        Files.writeString(jar, "build two");

        Path second = images.folder("svc", jar);
        assertThat(second).isNotEqualTo(first);
        assertThat(second.getParent()).isEqualTo(first.getParent()).isEqualTo(layout.state().resolve("app/svc"));
    }
}
