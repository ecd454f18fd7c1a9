// A scripted influence-shift analysis against the Statecraft library: load the seed world,
// define a scenario in code, run it, print the diff and write the delta map.
// Run: swift run scripted-analysis [Output/pakistan-2025-minerals-deal-delta.svg]
import Foundation
import Statecraft
import StatecraftRender

WorldIO.registerRenderFormats()
let world = try WorldIO.load("Graphs/pakistan-2025.yaml")

// The US and Pakistan sign the minerals partnership; the tariff threat is dropped.
var partnership = world.relation(from: "USA", to: "PAK", type: "partnership", weight: 0.8)
partnership.mutual = true
let deal = Scenario(name: "minerals-deal", title: "US–Pakistan minerals partnership", edits: [
  .addRelation(partnership), .removeRelation(.id("us-tariff-threat")),
])

// Who gains, through cooperative ties only; China's sway over Pakistan; balance.
var questions = Questions(measures: [.pagerank], lens: Lens(sign: .positive))
questions.influence = [InfluencePair(source: "CHN", target: "PAK")]
questions.balance = true
let comparison = try ScenarioRunner(questions: questions).compare(world, [deal])
let diff = comparison.scenarios[0]

for change in diff.measures[0].changes.prefix(3) {
  print("\(change.actor): PageRank \(ReportText.signedNumber(change.delta ?? 0))")
}
let sway = diff.influence[0]
print("China over Pakistan: \(ReportText.tableNumber(sway.before)) → \(ReportText.tableNumber(sway.after))")
print("Frustration index: \(diff.balance!.before.frustration.index) → \(diff.balance!.after.frustration.index)")

// The same result values the CLI prints: this table is byte for byte `statecraft rank … --top 3`.
print(try world.ranking(.pagerank, top: 3).rendered(.table))

let out = CommandLine.arguments.dropFirst().first ?? "Output/pakistan-2025-minerals-deal-delta.svg"
let (bytes, _) = try comparison.deltaMap(base: world, format: .svg)
try AtomicFileStream.write(bytes: bytes, to: out)
print("wrote \(out)")
