/// Louvain communities with their members and modularity (what `statecraft communities`
/// prints): one Louvain run, both modularities from it.
///
/// JSON: an object of actor id → community, in file order. CSV: `actor,name,community`.
public struct CommunityReport: ReportValue, Sendable {
  /// The partition (actors in file order, their labels, modularity with ties as undirected).
  public var partition: Partition
  /// Actor display names, in file order.
  public var names: [String]
  /// The modularity of the directed world (`nx.community.modularity` on the DiGraph); `nil`
  /// for an undirected world.
  public var directedModularity: Double?
  /// The resolution γ and seed of the run.
  public var resolution: Double, seed: UInt64

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    for (a, label) in zip(partition.actors, partition.labels) { try c.encode(label, forKey: DynamicKey(a.rawValue)) }
  }

  public func text(_ format: ReportFormat) -> String {
    if format == .csv {
      return (["actor,name,community"] + partition.actors.indices.map {
        "\(ReportText.csvField(partition.actors[$0].rawValue)),\(ReportText.csvField(names[$0])),\(partition.labels[$0])"
      }).joined(separator: "\n")
    }
    let rows = partition.members.enumerated().map { c, m in [String(c), String(m.count), m.map(\.rawValue).joined(separator: ", ")] }
    var out = "Louvain communities (resolution \(ReportText.tableNumber(resolution)), seed \(seed)): \(partition.count)\n"
    out += "modularity \(String(format: "%.6f", partition.modularity)) (ties as undirected)"
    if let directedModularity { out += ", \(String(format: "%.6f", directedModularity)) (directed, nx.community.modularity on the DiGraph)" }
    return out + "\n\n" + ReportText.table(header: ["community", "size", "members"], rows: rows, rightAligned: [0, 1])
  }
}

extension World {
  /// Louvain communities as a report, with the modularity both ways.
  ///
  /// - Complexity: One Louvain run (near-linear in relations per level) and two modularity sums.
  public func communityReport(lens: Lens = Lens(), resolution: Double = 1, seed: UInt64 = 0) throws -> CommunityReport {
    let g = try through(lens)
    let partition = try communities(lens: lens, resolution: resolution, seed: seed)
    return CommunityReport(
      partition: partition, names: actors.map(\.name),
      directedModularity: g.isDirected ? try g.modularity(partition.labels, resolution: resolution) : nil,
      resolution: resolution, seed: seed)
  }
}
