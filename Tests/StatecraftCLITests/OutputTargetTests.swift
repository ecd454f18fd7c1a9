import Foundation
import Statecraft
import StatecraftTestSupport
import Testing

/// Whether this machine lets the tests make a private mount namespace (root in a container
/// or on a VM usually may; elsewhere the `/dev` cases are skipped, visibly).
let privateMountNamespaces: Bool = {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
  p.arguments = ["-m", "--propagation", "private", "true"]
  p.standardError = FileHandle.nullDevice
  guard (try? p.run()) != nil else { return false }
  p.waitUntilExit()
  return p.terminationStatus == 0
}()

/// Where outputs go when the path is a link, a FIFO, a device or standard output: written
/// through, never replaced (every case built inside a temporary folder or a private mount
/// namespace, so a failure cannot touch the machine).
extension ProcessTests {
  /// Runs `script` with `/bin/sh -c` from the repository root, `$0` the statecraft binary and
  /// `$1`… the arguments: the exit, how it ended and what it wrote to standard error.
  func shell(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, exited: Bool, stderr: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", script, Self.binary.path] + arguments
    p.currentDirectoryURL = repositoryRoot
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, p.terminationReason == .exit, text)
  }

  /// Runs `script` (with the executable as `$0` and `arguments` after it) in a private mount
  /// namespace whose `/dev` is a scratch tmpfs holding only `fd`, `stdout`, `stderr` and
  /// `null`: whatever the command does to a device path stays there.
  func inPrivateDev(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
    let setup = "mount -t tmpfs none /dev && ln -s /proc/self/fd /dev/fd && ln -s /proc/self/fd/1 /dev/stdout"
      + " && ln -s /proc/self/fd/2 /dev/stderr && mknod -m 666 /dev/null c 1 3 || exit 99; "
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    p.arguments = ["-m", "--propagation", "private", "/bin/sh", "-c", setup + script, Self.binary.path] + arguments
    p.currentDirectoryURL = repositoryRoot
    let (out, err) = (Pipe(), Pipe())
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Standard output first, then the (short) status lines, as `run` reads them.
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, stdout, stderr)
  }

  /// A new empty folder for one test, removed by the caller's `defer`.
  func scratchFolder() throws -> String { try StatecraftTestSupport.scratchFolder("output") }

  @Test("output through a symbolic link replaces the file it points to and keeps the link")
  func throughLinks() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "old".write(toFile: dir + "/real.svg", atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.svg", withDestinationPath: "real.svg")
    let r = try run(["render", "Graphs/pakistan-2025.yaml", "-o", dir + "/link.svg"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect((try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.svg")) == "real.svg")
    #expect((try String(contentsOfFile: dir + "/real.svg", encoding: .utf8)).contains("<svg"))
    // A dangling link creates its target.
    try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.dot", withDestinationPath: "made.dot")
    #expect(try run(["render", "Graphs/pakistan-2025.yaml", "-o", dir + "/dangling.dot"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: dir + "/made.dot"))
    #expect((try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/dangling.dot")) == "made.dot")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test("a FIFO is written in place and stays a FIFO; a directory is still refused")
  func fifosAndDevices() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fifo = dir + "/pipe.dot"
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/sh")
    reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, dir + "/received.dot"]
    try reader.run()
    let r = try run(["render", "Graphs/pakistan-2025.yaml", "--format", "dot", "-o", fifo])
    reader.waitUntilExit()
    #expect(r.status == 0, "\(r.stderr)")
    #expect((try String(contentsOfFile: dir + "/received.dot", encoding: .utf8)).hasPrefix("digraph"))
    var info = stat()
    #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    try FileManager.default.createDirectory(atPath: dir + "/d.svg", withIntermediateDirectories: false)
    let directory = try run(["render", "Graphs/pakistan-2025.yaml", "-o", dir + "/d.svg"])
    #expect(directory.status != 0 && directory.stderr.contains("is a directory"))
  }

  @Test("a character device is written in place and stays a device", .enabled(if: getuid() == 0, "making a device node needs root"))
  func characterDevice() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // The null device's numbers (major 1, minor 3: glibc's makedev packs them as 0x103).
    let device = dir + "/null-device"
    #expect(mknod(device, S_IFCHR | 0o666, dev_t(0x103)) == 0)
    let r = try run(["render", "Graphs/pakistan-2025.yaml", "--format", "svg", "-o", device])
    #expect(r.status == 0, "\(r.stderr)")
    var info = stat()
    #expect(stat(device, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "the device is still a device")
  }

  @Test("a replaced file keeps its permission bits; a read-only file is refused and kept")
  func modesKept() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let secret = dir + "/secret.yaml"
    try "old".write(toFile: secret, atomically: false, encoding: .utf8)
    chmod(secret, 0o600)
    #expect(try run(["convert", "Graphs/pakistan-2025.yaml", secret]).status == 0)
    var info = stat()
    #expect(stat(secret, &info) == 0 && info.st_mode & 0o777 == 0o600, "mode \(String(info.st_mode & 0o777, radix: 8))")
    let locked = dir + "/locked.yaml"
    try "keep me".write(toFile: locked, atomically: false, encoding: .utf8)
    chmod(locked, 0o444)
    let r = try run(["convert", "Graphs/pakistan-2025.yaml", locked])
    #expect(r.status != 0 && r.stderr.contains("read-only"), "\(r.stderr)")
    #expect((try String(contentsOfFile: locked, encoding: .utf8)) == "keep me")
  }

  @Test(
    "-o /dev/stdout, /dev/fd/1 and /proc/self/fd/1 write standard output and leave /dev/stdout a link; a full standard output fails",
    .enabled(if: privateMountNamespaces, "needs a private mount namespace (unshare -m)"))
  func standardOutputPaths() throws {
    for spelling in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] {
      // A scratch /dev in a namespace of its own: nothing the command does reaches the machine's.
      let script = """
        "$0" render Graphs/pakistan-2025.yaml --format dot -o "$1" > /dev/null.out 2>&1; \
        "$0" render Graphs/pakistan-2025.yaml --format dot -o "$1" | head -c 7; echo; \
        test -L /dev/stdout && echo link-kept; \
        mknod -m 666 /dev/full c 1 7 && "$0" rank Graphs/pakistan-2025.yaml > /dev/full 2> /dev/null.err; echo "full-exit=$?"
        """
      let text = try inPrivateDev(script, [spelling]).stdout
      #expect(text.contains("digraph"), "\(spelling): \(text)")
      #expect(text.contains("link-kept"), "\(spelling): \(text)")
      #expect(text.contains("full-exit=1"), "a report lost to a full standard output is an error: \(text)")
    }
  }
}

/// Found by a review: links resolved through linked folders, and other descriptors by name.
extension ProcessTests {
  @Test("a relative link inside a linked folder resolves where the file system says")
  func linkThroughLinkedFolder() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/real/sub", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: "real/sub")
    // a/lnk is real/sub/lnk → ../../b/t.json, that is dir/b/t.json (not dir/../b as text would fold a/../..).
    try FileManager.default.createSymbolicLink(atPath: dir + "/real/sub/lnk", withDestinationPath: "../../b/t.json")
    let r = try run(["convert", "Graphs/pakistan-2025.yaml", dir + "/a/lnk", "--to", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir + "/b/t.json"))
    #expect((try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/real/sub/lnk")) == "../../b/t.json")
  }

  @Test(
    "another open descriptor named as a path is written as the shell opened it (appending)",
    .enabled(if: privateMountNamespaces, "needs a private mount namespace (unshare -m)"))
  func otherDescriptors() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let log = dir + "/app.log"
    try "earlier line\n".write(toFile: log, atomically: false, encoding: .utf8)
    let r = try inPrivateDev("\"$0\" render Graphs/pakistan-2025.yaml --format dot -o /dev/fd/3 3>>\"$1\"", [log])
    let text = try String(contentsOfFile: log, encoding: .utf8)
    #expect(r.status == 0 && text.hasPrefix("earlier line\ndigraph"), "\(text.prefix(40)) \(r.stderr)")
  }

  @Test(
    "written to standard output by any name, the data is the whole output and the status line goes to stderr",
    .enabled(if: privateMountNamespaces, "needs a private mount namespace (unshare -m)"))
  func statusLineOffStandardOutput() throws {
    // `convert W /dev/stdout --to json` printed "wrote /dev/stdout …" after the JSON.
    let json = try inPrivateDev("exec \"$0\" convert Graphs/pakistan-2025.yaml /dev/stdout --to json")
    #expect(json.status == 0 && json.stderr.contains("wrote /dev/stdout"), "\(json.stderr)")
    #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, "\(json.stdout.suffix(80))")
    let dot = try inPrivateDev("exec \"$0\" render Graphs/pakistan-2025.yaml --format dot -o /dev/stdout")
    #expect(dot.status == 0 && dot.stdout.hasSuffix("}\n") && !dot.stdout.contains("wrote"))
    // `-o -` without --format is SVG, as the README says.
    let svg = try run(["render", "Graphs/pakistan-2025.yaml", "-o", "-"])
    #expect(svg.status == 0 && svg.stdout.hasPrefix("<?xml") && svg.stdout.hasSuffix("</svg>\n") && svg.stderr.contains("wrote -"))
  }

  @Test("under ulimit -f, render and convert report 'File too large' in words and leave nothing behind")
  func fileSizeLimit() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for command in [
      "render Graphs/florentine-families.yaml -o \"$1/map.svg\"",
      "convert Graphs/karate-club.csv \"$1/karate.graphml\"",
    ] {
      let r = try shell("ulimit -f 4; TMPDIR=\"$1\" exec \"$0\" " + command, [dir])
      #expect(r.exited && r.status == 1, "\(command): not killed by SIGXFSZ")
      #expect(r.stderr.contains("File too large") && !r.stderr.contains("NSCocoaErrorDomain"), "\(r.stderr)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "nothing left")
    }
  }

  @Test(
    "a closed standard output is reported by the system's words, not a Foundation error code",
    .enabled(if: privateMountNamespaces, "needs a private mount namespace (unshare -m)"))
  func closedStandardOutput() throws {
    for command in ["render Graphs/pakistan-2025.yaml -o -", "convert Graphs/pakistan-2025.yaml /dev/stdout --to json"] {
      let r = try inPrivateDev("exec \"$0\" " + command + " >&-")
      #expect(r.status == 1 && !r.stderr.contains("NSCocoaErrorDomain") && r.stderr.contains("Error:"), "\(command): \(r.stderr)")
    }
  }
}
