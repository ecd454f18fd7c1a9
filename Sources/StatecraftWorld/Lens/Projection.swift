/// A world seen through a lens: the ``Digraph`` and, for every arc, the relations behind it.
///
/// Parallel relations merge into one arc and a mutual relation becomes two arcs, so an arc
/// result (edge betweenness, a leverage derivative) is mapped back to relations here.
///
///     let p = try world.projection(through: Lens(sign: .positive))
///     for arc in p.graph.outArcIndices(of: 0) { print(p.relations(behindArc: arc)) }
public struct Projection: Sendable {
  /// The projected graph; node `i` is `world.actors[i]`.
  public let graph: Digraph
  /// Relation indices (into `world.relations`) grouped by arc, in CSR arc order.
  let relationOffsets: [Int]
  let relationIndices: [Int]

  /// The indices into `world.relations` of the relations merged into arc `arc` (an index in
  /// CSR order, as ``Digraph/arcIndex(from:to:)`` returns), in file order.
  public func relations(behindArc arc: Int) -> ArraySlice<Int> {
    relationIndices[relationOffsets[arc] ..< relationOffsets[arc + 1]]
  }

  /// The arcs a relation contributes to (two for a mutual relation, none when the lens
  /// does not admit it).
  public func arcs(ofRelation relation: Int) -> [Int] {
    (0 ..< graph.arcCount).filter { relations(behindArc: $0).contains(relation) }
  }
}

extension World {
  /// Projects the world through a lens, keeping which relations formed each arc.
  ///
  /// - Complexity: O(*m* log *d*) beyond ``through(_:)``, for *m* admitted relations.
  public func projection(through lens: Lens = Lens()) throws -> Projection {
    let rows = try bucketedArcs(lens, keepOrigins: true)
    let g = Digraph(
      nodeCount: actors.count, rowStarts: rows.starts, rowTargets: rows.targets, rowWeights: rows.weights,
      directed: directed, combine: lens.combine)
    var offsets = [Int](repeating: 0, count: g.arcCount + 1)
    var arcOf = [Int](repeating: 0, count: rows.targets.count)
    for u in 0 ..< actors.count {
      for k in rows.starts[u] ..< rows.starts[u + 1] {
        arcOf[k] = g.arcIndex(from: u, to: rows.targets[k])!
        offsets[arcOf[k] + 1] += 1
      }
    }
    for a in 0 ..< g.arcCount { offsets[a + 1] += offsets[a] }
    // Every relation behind arc u→v sits in row u, where entries keep relation order: the
    // lists come out in file order.
    var fill = offsets
    var indices = [Int](repeating: 0, count: arcOf.count)
    for k in arcOf.indices {
      indices[fill[arcOf[k]]] = rows.origins[k]
      fill[arcOf[k]] += 1
    }
    return Projection(graph: g, relationOffsets: offsets, relationIndices: indices)
  }
}
