/// A named what-if: an ordered list of edits applied to a copy of a base world.
///
///     let deal = Scenario(name: "minerals-deal", edits: [
///       .addRelation(world.relation(from: "USA", to: "PAK", type: "minerals-partnership", weight: 0.8)),
///       .removeRelation(.match(from: "USA", to: "PAK", type: "tariff-threat")),
///     ])
///     let edited = try deal.applied(to: world)   // `world` never changes
public struct Scenario: Hashable, Sendable {
  /// A short name, used on the command line (`--only`) and in reports.
  public var name: String
  /// A one-line description for reports.
  public var title: String?
  /// The edits, in order.
  public var edits: [Edit]
  /// The date the lens looks at in this scenario (`date:` in a scenario file), if set.
  public var date: PartialDate?

  /// A scenario applying `edits` in order, with an optional title and lens date.
  public init(name: String, title: String? = nil, edits: [Edit], date: PartialDate? = nil) {
    self.name = name
    self.title = title
    self.edits = edits
    self.date = date
  }

  /// The base world with every edit applied, in order.
  ///
  /// - Throws: ``ScenarioError/edit(scenario:index:error:)`` naming the failing edit.
  public func applied(to world: World) throws -> World {
    var edited = world
    for (i, edit) in edits.enumerated() {
      do {
        try edited.apply(edit)
      } catch let error as EditError {
        throw ScenarioError.edit(scenario: name, index: i, error: error)
      } catch let error as UnknownActorError {
        throw ScenarioError.edit(scenario: name, index: i, error: error)
      }
    }
    return edited
  }
}

/// A scenario that cannot be run.
public enum ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Equal when they say the same (an edit's error is an ``EditError`` or an ``UnknownActorError``).
  public static func == (a: ScenarioError, b: ScenarioError) -> Bool { a.description == b.description }

  /// Edit number `index` (0-based) of a scenario does not fit the world.
  case edit(scenario: String, index: Int, error: any Error & Sendable & CustomStringConvertible)
  /// `--only` or `extends:` names a scenario the file does not define.
  case unknownScenario(String, known: [String])

  public var description: String {
    switch self {
    case let .edit(scenario, index, error): "scenario \"\(scenario)\", edit \(index + 1): \(error)"
    case let .unknownScenario(name, known):
      "no scenario named \"\(name)\"; the file defines " + (known.isEmpty ? "none" : known.joined(separator: ", "))
    }
  }
}

extension World {
  /// The relations `edited` has that this world lacks (added, or changed in any field) and
  /// those this world has that `edited` lacks (removed, or the old version of a changed
  /// one), each in file order. Compared by value, counting duplicates.
  /// - Complexity: O(*m*) expected (relations hashed).
  public func relationChanges(to edited: World) -> (added: [Relation], removed: [Relation]) {
    var remaining: [Relation: Int] = [:]
    for r in relations { remaining[r, default: 0] += 1 }
    var added: [Relation] = []
    for r in edited.relations {
      if let n = remaining[r], n > 0 { remaining[r] = n - 1 } else { added.append(r) }
    }
    var removed: [Relation] = []
    for r in relations where (remaining[r] ?? 0) > 0 {
      removed.append(r)
      remaining[r]! -= 1
    }
    return (added, removed)
  }
}
