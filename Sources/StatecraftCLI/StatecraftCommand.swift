import ArgumentParser
import Foundation
import Statecraft

/// Refuses a sample count below 1 or above ``StatecraftCommand/maxSamples``, saying what would do.
func validateSamples(_ samples: Int?) throws {
  guard let samples else { return }
  guard samples >= 1 else { throw ValidationError("--samples must be at least 1, got \(samples).") }
  guard samples <= StatecraftCommand.maxSamples else {
    throw ValidationError("--samples \(samples) cannot finish: at most \(StatecraftCommand.maxSamples) (1,000 to 10,000 give intervals to two or three digits).")
  }
}

/// The `statecraft` command line.
public struct StatecraftCommand: ParsableCommand {
  /// The command's name, help, version and subcommands.
  public static let configuration = CommandConfiguration(
    commandName: "statecraft",
    abstract: "Model geopolitical relationships as a graph: who matters, how A reaches B, what if.",
    discussion: "Reads world files (.yaml, see Graphs/README.md) or CSV edge lists.",
    version: versionLine,
    subcommands: [
      Validate.self, Info.self, Rank.self, Path.self, Communities.self, Balance.self,
      Brokerage.self, Influence.self, ScenarioRun.self, Report.self, Serve.self, Leverage.self, Robustness.self, Timeline.self, Sweep.self, Render.self, LayoutChild.self, LayoutWorkerChild.self, Convert.self, Import.self, Export.self,
    ]
  )

  /// The root command, as ArgumentParser creates it.
  public init() {}

  /// The most Monte Carlo samples a command accepts: a million PageRanks of a 100-actor world
  /// take minutes; more could not finish in a working day on a large world.
  static let maxSamples = 1_000_000

  /// The release, as `--version` prints it and the briefing's methods appendix names it.
  public static let version = "0.10.0"
  /// `Statecraft 0.10.0`.
  public static let versionLine = "Statecraft \(version)"
}
