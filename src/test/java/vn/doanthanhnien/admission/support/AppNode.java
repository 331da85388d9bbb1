package vn.doanthanhnien.admission.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.doanthanhnien.admission.PartyAdmissionApplication;

/**
 * One instance of the application in a JVM of its own, as an operator runs it: the main class on the test's
 * classpath (without the test classes), started in a folder of its own (where the default profile keeps its H2
 * database, {@code ./data}), a random free port, the job executor on, its output in a log file there. Nodes are
 * killed when the test JVM exits, in case a test could not close them.
 */
public final class AppNode implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
  /** Logged by cluster.StartupLock once the start-up listeners (demo data, groups, filters) have run. */
  private static final String READY = "Ready: start-up tasks done";
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  /** Small and quick to start: a test's node does little work. */
  private static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final Path directory;
  private final Path log;
  private final List<String> command;
  private Process process;
  private long logOffset;
  private String baseUrl;

  /**
   * @param settings Spring Boot settings ({@code --name=value}) added to those of every node: port 0, the job
   *     executor on and polling at least every second, job locks of 20 s instead of 5 min, so that a job a killed
   *     node had locked runs again within the test
   */
  public AppNode(String name, Path directory, String... settings) {
    this(name, directory, TEST_JVM, settings);
  }

  /** The same with the JVM's options chosen (a benchmark wants the full JIT, not a quick start). */
  public AppNode(String name, Path directory, List<String> jvmOptions, String... settings) {
    this.name = name;
    this.directory = directory;
    this.log = directory.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Dfile.encoding=UTF-8",
        PartyAdmissionApplication.class.getName(),
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=300",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.lock-time-in-millis=20000",
        // the job log names the node that ran each job
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(Arrays.asList(settings));
    this.command = List.copyOf(command);
  }

  /** Starts the JVM without waiting for the application; {@link #awaitReady} waits. */
  public AppNode start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    try {
      logOffset = Files.exists(log) ? Files.size(log) : 0;
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("CLASSPATH", applicationClasspath());
      process = builder.start();
      RUNNING.add(process);
      baseUrl = null;
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node serves requests with its start-up tasks done; fails with its log if it stops first. */
  public AppNode awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String output = output();
      Matcher port = PORT.matcher(output);
      if (port.find() && output.contains(READY)) {
        baseUrl = "http://localhost:" + port.group(1);
        return this;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(60));
  }

  public String baseUrl() {
    if (baseUrl == null) {
      throw new IllegalStateException(name + " is not ready");
    }
    return baseUrl;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook, no transaction finished. Returns the exit code (137). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit();
  }

  /** SIGTERM: Spring closes the context, the job executor stops, the database closes cleanly. */
  public int stop() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  private int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    RUNNING.remove(process);
    baseUrl = null;
    return process.exitValue();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The output of the current run. */
  public String output() {
    try {
      byte[] all = Files.readAllBytes(log);
      return new String(all, (int) Math.min(logOffset, all.length), (int) Math.max(0, all.length - logOffset),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  public String tail(int lines) {
    List<String> all = output().lines().toList();
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
  }

  @Override
  public void close() throws InterruptedException {
    if (isAlive()) {
      kill();
    }
  }

  /** The test JVM's classpath (Surefire puts the full one in java.class.path) without the test classes. */
  private static String applicationClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
