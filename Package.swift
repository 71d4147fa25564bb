// swift-tools-version:6.0
import PackageDescription

// The library is built in floors, each a target that may use only the ones below it, so the
// compiler refuses a back-edge (see README, "Architecture"):
//   KemuningCore   <- KemuningDomain <- KemuningStore <- KemuningKit <- kemuning
/// Each floor is its own module; in release builds the compiler may still inline and
/// specialize across them (the JSON codec, the records' codecs), as it could in one module.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "kemuning",
    products: [
        .executable(name: "kemuning", targets: ["kemuning"]),
    ],
    targets: [
        // libedit's native <histedit.h> API, with non-variadic shims (see docs/../LIBEDIT notes).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // What every floor shares: messages and their catalogs, JSON, exact numbers, days,
        // errors with where they were, files, "did you mean".
        .target(name: "KemuningCore", swiftSettings: crossModule),
        // PostgreSQL's C client library (Debian's libpq-dev), for the PostgreSQL store.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Every record kind and every rule of the domain, as values and pure functions.
        .target(name: "KemuningDomain", dependencies: ["KemuningCore"], swiftSettings: crossModule),
        // The state, its changes, and where they are kept (a directory of JSON files, memory).
        .target(name: "KemuningStore", dependencies: ["KemuningCore", "KemuningDomain"], swiftSettings: crossModule),
        // The same store on a PostgreSQL server, for several operators at once (libpq).
        .target(name: "KemuningPostgres", dependencies: ["KemuningCore", "KemuningDomain", "KemuningStore", "CLibPQ"], swiftSettings: crossModule),
        // The language, the commands, the session and the output. Never prints, never touches
        // the terminal.
        .target(name: "KemuningKit", dependencies: ["KemuningCore", "KemuningDomain", "KemuningStore"], swiftSettings: crossModule),
        // Thin executable: arguments, the REPL loop and the line reader.
        .executableTarget(
            name: "kemuning",
            dependencies: ["KemuningCore", "KemuningDomain", "KemuningStore", "KemuningPostgres", "KemuningKit", "CEditLine"]
            // Release builds link the Swift standard library statically (--static-swift-stdlib);
            // libc, libedit and libpq stay shared libraries: libpq's own dependencies (GSSAPI,
            // LDAP) have no static archives in Debian, so a fully static executable cannot
            // hold the PostgreSQL store.
        ),
        .testTarget(
            name: "KemuningKitTests",
            dependencies: ["KemuningCore", "KemuningDomain", "KemuningStore", "KemuningKit", "CEditLine"]
        ),
        // Run the real binary: transcripts (*.kmn beside expected output) and the docs' examples.
        .testTarget(
            name: "TranscriptTests",
            exclude: ["transcripts"]
        ),
        // Drive the real binary under a pseudo-terminal (forkpty).
        .testTarget(
            name: "TerminalTests"
        ),
    ]
)
