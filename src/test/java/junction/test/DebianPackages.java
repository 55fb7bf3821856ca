package junction.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian packages a test needs (a browser, another PostgreSQL), installed with apt-get when missing —
 * {@code .ci/run} runs as root on a fresh Debian machine. A test that needs a package and cannot get it
 * fails with the reason; it never passes silently without it.
 */
public final class DebianPackages {
    private static boolean updated;

    private DebianPackages() {
    }

    public static synchronized void ensure(String... packages) {
        List<String> missing = new ArrayList<>();
        for (String name : packages) {
            if (!installed(name)) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("this test needs the Debian packages " + missing
                    + "; install them (apt-get install " + String.join(" ", missing) + ") or run the tests as root");
        }
        if (!updated) {
            run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-qq"));
            updated = true;
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq",
                "--no-install-recommends"));
        install.addAll(missing);
        run(install);
    }

    static boolean installed(String name) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("install ok installed");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command) {
        Commands.run(command);
    }
}
