// swift-tools-version:6.0
import PackageDescription

// Layers, arrows only downward (README "Library layout"):
//   tokenplant → Workflows → Benchmarks → Reports → Planner, Twin → Plans → PlantPhysics → PlantModel
//   tokenplant → LinearProgramming (its allocator setting for GLPK, SolverMemory)
//   Planner → LinearProgramming → CGLPK;  Twin → Climate → PlantModel.  Twin never links GLPK.
let package = Package(
    name: "TokenPlant",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tokenplant", targets: ["tokenplant"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "PlantModel", targets: ["PlantModel"]),
        .library(name: "PlantPhysics", targets: ["PlantPhysics"]),
        .library(name: "Plans", targets: ["Plans"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "Climate", targets: ["Climate"]),
        .library(name: "Twin", targets: ["Twin"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Benchmarks", targets: ["Benchmarks"]),
        .library(name: "Workflows", targets: ["Workflows"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
    ],
    targets: [
        // GLPK's C API; no Swift API of its own. Debian ships no glpk.pc, so no pkgConfig.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "LinearProgramming", dependencies: ["CGLPK"]),
        .target(
            name: "PlantModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/catalog.yaml")]
        ),
        .target(name: "PlantPhysics", dependencies: ["PlantModel"]),
        .target(name: "Plans", dependencies: ["PlantModel", "PlantPhysics", "Climate"]),
        .target(name: "Planner", dependencies: ["PlantModel", "PlantPhysics", "Plans", "LinearProgramming"]),
        .target(name: "Climate", dependencies: ["PlantModel"]),
        .target(name: "Twin", dependencies: ["PlantModel", "PlantPhysics", "Plans", "Climate"]),
        .target(
            name: "Reports",
            dependencies: ["PlantModel", "PlantPhysics", "Plans", "Planner", "Twin", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(name: "Benchmarks", dependencies: ["PlantModel", "Plans", "Planner", "Climate", "Twin", "Reports"]),
        .target(
            name: "Workflows",
            dependencies: ["PlantModel", "PlantPhysics", "Plans", "Planner", "LinearProgramming", "Climate", "Twin", "Reports", "Benchmarks"]
        ),
        .executableTarget(
            name: "tokenplant",
            dependencies: [
                "LinearProgramming", "Plans", "Planner", "Reports", "Workflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz entry point for the input readers (README "Fuzzing"): decodes and validates bytes as a site,
        // design, catalog, EPW file or plan.json. No GLPK. `TokenPlantFuzz` is the libFuzzer binary when built
        // with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address` (Tests/Fuzz/run.sh), else a runner that
        // replays inputs.
        .target(name: "PlantFuzzing", dependencies: ["PlantModel", "Climate", "Plans"]),
        // libFuzzer's `LLVMFuzzerRunDriver`, declared only (the fuzzer runtime defines it).
        .systemLibrary(name: "CFuzzDriver"),
        .executableTarget(name: "TokenPlantFuzz", dependencies: ["PlantFuzzing", "CFuzzDriver"]),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "PlantModelTests",
            dependencies: ["PlantModel", .product(name: "Yams", package: "Yams"), .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "PlantPhysicsTests",
            dependencies: ["PlantPhysics", "PlantModel", "Climate", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "ClimateTests",
            dependencies: ["Climate", "PlantModel", .product(name: "Numerics", package: "swift-numerics")],
            exclude: ["Resources"]  // psychrolib reference CSVs, read through #filePath
        ),
        .testTarget(
            name: "TwinTests",
            dependencies: ["Twin", "Plans", "Planner", "PlantModel", "PlantPhysics", "Climate", "Reports", "Workflows",
                           .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "PlannerTests",
            dependencies: ["Planner", "Plans", "PlantModel", "PlantPhysics", "LinearProgramming", "Reports",
                           .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["tokenplant", .product(name: "Yams", package: "Yams")],
            exclude: ["MutationRegressions"]
        ),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["PlantFuzzing", "PlantModel"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Plans", "Planner", "Twin", "PlantModel", "PlantPhysics",
                           .product(name: "Numerics", package: "swift-numerics")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
