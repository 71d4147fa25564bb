#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `kemuning` binary and captures what it printed.
struct RunResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum Paths {
    /// The package root, found from this file's path.
    static let root: String = {
        var p = #filePath
        for _ in 0..<3 { p = String(p[..<p.lastIndex(of: "/")!]) }
        return p
    }()

    /// $KEMUNING_BIN, else the `kemuning` beside the test bundle.
    static let binary: String = {
        if let b = getenv("KEMUNING_BIN") { return String(cString: b) }
        let me = CommandLine.arguments[0]
        var dir = String(me[..<(me.lastIndex(of: "/") ?? me.startIndex)])
        if dir.hasSuffix(".xctest/Contents/MacOS") { dir = String(dir.dropLast(".xctest/Contents/MacOS".count)) }
        return dir + "/kemuning"
    }()

    /// The folder temporary files go in: $TMPDIR when it is a full path, else /tmp. scripts/test
    /// points it at a fresh folder and fails when the run leaves anything in it.
    static let temporaryRoot: String = {
        if let t = getenv("TMPDIR").map({ String(cString: $0) }), t.hasPrefix("/") {
            return t.count > 1 && t.hasSuffix("/") ? String(t.dropLast()) : t
        }
        return "/tmp"
    }()

    /// A fresh folder of the test's own under `temporaryRoot`; the caller removes it with `removeTree`.
    static func temporaryDirectory() -> String {
        var template = Array((temporaryRoot + "/kemuning-test-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    static func removeTree(_ path: String) {
        _ = runProcess("/bin/rm", ["-rf", path])
    }
}

func readFile(_ path: String) -> String? {
    readBytes(path).map { String(decoding: $0, as: UTF8.self) }
}

func readBytes(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: buf[0..<n])
    }
    return bytes
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    let f = fopen(path, "wb")!
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}

func writeFile(_ path: String, _ text: String) { writeFile(path, Array(text.utf8)) }

func listDirectory(_ dir: String) -> [String] {
    guard let d = opendir(dir) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let e = readdir(d) {
        let name = withUnsafePointer(to: e.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
        if !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
}

/// The environment tests run kemuning in: no colour, a private HOME, UTF-8, and the run's
/// TMPDIR (a scratch store of `play --from` goes there).
func testEnvironment(home: String, extra: [String: String] = [:]) -> [String: String] {
    var env = ["HOME": home, "LANG": "C.UTF-8", "NO_COLOR": "1", "TERM": "dumb", "PATH": "/usr/bin:/bin", "USER": "tester",
               "TMPDIR": Paths.temporaryRoot]
    for (k, v) in extra { env[k] = v }
    return env
}

/// Starts `path` with the given standard streams (files), an empty signal mask and default
/// signal handling, optionally in `cwd` and with a replaced environment; returns its pid.
func spawn(_ path: String, _ args: [String], stdin: String, stdout: String, stderr: String,
           environment: [String: String]?, cwd: String? = nil) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attr, &none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    // posix_spawn_file_actions_addchdir_np is not visible from Swift here: `env -C` changes directory.
    let command = cwd.map { ["/usr/bin/env", "-C", $0, path] } ?? [path]
    let argv = (command + args).map { strdup($0) } + [nil]
    let env = (environment ?? [:]).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        env.forEach { free($0) }
    }
    var pid = pid_t()
    let rc = environment == nil
        ? posix_spawn(&pid, command[0], &actions, &attr, argv, environ)
        : posix_spawn(&pid, command[0], &actions, &attr, argv, env)
    return rc == 0 ? pid : nil
}

/// Spawns `path` with stdin from `input` (or nothing), waits, and returns its output.
@discardableResult
func runProcess(_ path: String, _ args: [String], input: [UInt8]? = nil, environment: [String: String]? = nil, cwd: String? = nil) -> RunResult {
    let dir = Paths.temporaryRoot + "/kemuning-run-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    mkdir(dir, 0o700)
    defer {
        for f in ["in", "out", "err"] { unlink(dir + "/" + f) }
        rmdir(dir)
    }
    writeFile(dir + "/in", input ?? [])
    guard let pid = spawn(path, args, stdin: dir + "/in", stdout: dir + "/out", stderr: dir + "/err", environment: environment, cwd: cwd) else {
        return RunResult(stdout: "", stderr: "spawn failed", status: -1)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return RunResult(stdout: readFile(dir + "/out") ?? "", stderr: readFile(dir + "/err") ?? "", status: code)
}

/// Runs kemuning with a private HOME.
@discardableResult
func kemuning(_ args: [String], input: String? = nil, home: String, cwd: String? = nil, env: [String: String] = [:]) -> RunResult {
    runProcess(Paths.binary, args, input: input.map { Array($0.utf8) }, environment: testEnvironment(home: home, extra: env), cwd: cwd)
}

/// Edits by hand the first place `pattern` occurs in the snapshot files of `store`: the
/// manifest (`snapshot.json`), or the part under `data/` holding it, whose size the manifest
/// then gives anew (so what is read is the edit itself, not a file of the wrong length).
/// Returns the file edited, and its text after.
func editSnapshotFiles(of store: String, _ pattern: String, upTo end: String = "", with replacement: String) -> (file: String, text: String)? {
    let manifest = readFile(store + "/snapshot.json")!
    let candidates = ["snapshot.json"] + listDirectory(store + "/data").sorted().map { "data/" + $0 }
    for file in candidates {
        let original = readFile(store + "/" + file)!
        let edited = original.replacingFirst(of: pattern, upTo: end, with: replacement)
        guard edited != original else { continue }
        writeFile(store + "/" + file, edited)
        if file != "snapshot.json" {
            let sized = manifest.replacingFirst(of: #""file":"\#(file)","bytes":"#, upTo: ",",
                                                with: #""file":"\#(file)","bytes":\#(edited.utf8.count),"#)
            writeFile(store + "/snapshot.json", sized)
        }
        return (file, edited)
    }
    return nil
}
