package junction.test.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import junction.test.DebianPackages;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed when
 * missing) driven by Selenium, with the few steps the console tests take. Elements are found by their
 * {@code data-test} name; every wait is bounded.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    public final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A new browser for the engine at {@code base} (http://localhost:port). */
    public static Browser open(String base) {
        DebianPackages.ensure("chromium", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1440,1000", "--disable-extensions", "--no-first-run");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new Browser(driver, base);
    }

    /** Opens a console path, e.g. {@code /console/data}. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public static By test(String name) {
        return By.cssSelector("[data-test=\"" + name + "\"]");
    }

    /** Waits until the element is visible, and returns it. */
    public WebElement find(String testName) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(test(testName)));
    }

    public List<WebElement> all(String testName) {
        return driver.findElements(test(testName));
    }

    public Browser click(String testName) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(test(testName))).click();
        return this;
    }

    /** Picks the option of a {@code <select>} by its value. */
    public Browser select(String testName, String value) {
        new Select(find(testName)).selectByValue(value);
        return this;
    }

    /** Clears the field and types the text. */
    public Browser type(String testName, String text) {
        WebElement field = find(testName);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits until the element's text contains {@code text}; returns the whole text. */
    public String waitForText(String testName, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(test(testName), text));
        return find(testName).getText();
    }

    public Browser waitGone(String testName) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(test(testName)));
        return this;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public String path() {
        return (String) script("return window.location.pathname");
    }

    /** Saves a PNG of the page under target/console-screenshots/. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The script errors of the page so far (a page that throws fails its test); the browser's lines for
     * HTTP error answers are left out: the console asks and shows them on purpose (a wrong secret, a refusal).
     */
    public List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .filter(m -> !m.contains("Failed to load resource: the server responded with a status of")).toList();
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
