// swift-tools-version:6.0
import PackageDescription

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
        // Everything testable. Never prints, never touches the terminal.
        .target(
            name: "KemuningKit",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // Thin executable: arguments, the REPL loop and the line reader.
        .executableTarget(
            name: "kemuning",
            dependencies: ["KemuningKit", "CEditLine"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "KemuningKitTests",
            dependencies: ["KemuningKit", "CEditLine"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // Run the real binary: transcripts (*.kmn beside expected output) and the docs' examples.
        .testTarget(
            name: "TranscriptTests",
            exclude: ["transcripts"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // Drive the real binary under a pseudo-terminal (forkpty).
        .testTarget(
            name: "TerminalTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
