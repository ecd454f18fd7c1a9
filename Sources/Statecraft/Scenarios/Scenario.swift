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

  /// ``relationChanges(to:)`` with each changed relation told apart: a relation of `edited`
  /// with the same ends, type and id as one of this world that it lacks is `changed` (a
  /// re-weighted, re-signed or re-dated tie is one tie that changed, not one removed and one
  /// added), paired in file order; the rest are added or removed.
  ///
  /// The pairing reads values, not edits: a relation removed and another added with the same
  /// ends, type and id read as one changed relation, and among several relations with the
  /// same ends and type and no id, removing one and changing another may pair the wrong two
  /// (the changed relation's old values are then the removed one's).
  /// - Complexity: O(*m*) expected (relations hashed).
  public func relationDiff(to edited: World) -> RelationDiff {
    let (added, removed) = relationChanges(to: edited)
    struct Identity: Hashable { var from: Actor.ID, to: Actor.ID, type: String, id: String? }
    var gone: [Identity: [Int]] = [:]  // removed relations by identity, in order
    for (i, r) in removed.enumerated().reversed() { gone[Identity(from: r.from, to: r.to, type: r.type, id: r.id), default: []].append(i) }
    var diff = RelationDiff()
    var paired = Set<Int>()
    for r in added {
      let key = Identity(from: r.from, to: r.to, type: r.type, id: r.id)
      if let i = gone[key]?.popLast() {
        diff.changed.append((before: removed[i], after: r))
        paired.insert(i)
      } else {
        diff.added.append(r)
      }
    }
    diff.removed = removed.indices.filter { !paired.contains($0) }.map { removed[$0] }
    return diff
  }
}

/// How one world's relations differ from another's (``World/relationDiff(to:)``).
public struct RelationDiff: Sendable {
  /// Relations only the edited world has, in its file order.
  public var added: [Relation] = []
  /// Relations only the base world has, in its file order.
  public var removed: [Relation] = []
  /// Relations both have under the same ends, type and id but with other values (weight,
  /// sign, dates, source, note): the base world's version and the edited world's.
  public var changed: [(before: Relation, after: Relation)] = []
}
