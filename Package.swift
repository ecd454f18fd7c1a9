// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Statecraft",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Statecraft", targets: ["Statecraft"]),
    .library(name: "StatecraftRender", targets: ["StatecraftRender"]),
    .executable(name: "statecraft", targets: ["statecraft"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The Graphviz C libraries (libgvc, libcgraph), seen only by StatecraftRender.
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
    ),
    // Model, lens, CSR digraph, algorithms, file formats. No C, no CLI.
    .target(name: "Statecraft", dependencies: ["Yams"]),
    // Map style, DOT writer and the in-process Graphviz bridge.
    .target(name: "StatecraftRender", dependencies: ["Statecraft", "CGraphviz"]),
    // The commands as pure functions returning text, so tests need no subprocess.
    .target(
      name: "StatecraftCLI",
      dependencies: [
        "Statecraft", "StatecraftRender",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "statecraft", dependencies: ["StatecraftCLI"]),
    .testTarget(name: "StatecraftTests", dependencies: ["Statecraft"]),
    .testTarget(
      name: "StatecraftRenderTests",
      dependencies: ["StatecraftRender"],
      resources: [.copy("Golden")]
    ),
    .testTarget(
      name: "StatecraftCLITests",
      dependencies: ["StatecraftCLI"],
      resources: [.copy("Golden")]
    ),
  ]
)
