package org.omnichannel.hub.ops;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Debian's chromium and chromium-driver, found on the PATH and driven through chromedriver's
 * W3C WebDriver protocol by Selenium (no Selenium Manager, no download). Without them a test is
 * skipped on a workstation and fails on CI (environment variable {@code CI} set), where
 * {@code .ci/run} installs them.
 */
final class HeadlessChromium {

    static final String INSTALL = "install Chromium and its driver: apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {
    }

    /** Starts a headless browser with its profile under {@code profile}; skips or fails the test without Chromium. */
    static ChromeDriver start(Path profile) {
        Optional<Path> browser = onPath("chromium", "chromium-browser");
        Optional<Path> driver = onPath("chromedriver");
        if (browser.isEmpty() || driver.isEmpty()) {
            String missing = "no " + (browser.isEmpty() ? "chromium" : "chromedriver") + " on the PATH: " + INSTALL;
            if (System.getenv("CI") != null) {
                Assertions.fail("CI must run the browser test; " + missing);
            }
            Assumptions.abort(missing);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.resolve("profile"),
                        "--window-size=1280,900");
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : List.of(path.split(File.pathSeparator))) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
