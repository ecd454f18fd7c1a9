/// Groups of actors named in one word, for influence questions (`statecraft influence`,
/// scenario files, leverage and knock-out):
///
/// - an actor id: `PAK`;
/// - members joined by `+`: `IRN+IRGC`;
/// - every actor whose attribute has a value: `bloc=Axis` (compared by Unicode scalars, as ids are).
///
/// An actor whose id itself holds `+` or `=` is always that actor. A group as the source of
/// influence sums its members' shares (how much they sway the target together: Friedkin–
/// Johnsen shares add up); a group as the target averages over its members (the group's mean
/// settled stance). `IRN+IRGC over HOU` = V[HOU][IRN] + V[HOU][IRGC];
/// `IRN over bloc=Gulf` = mean over the Gulf members g of V[g][IRN].
extension World {
  /// The node indices a group names, in world order, each once.
  ///
  /// - Throws: ``UnknownActorError`` for a member that is not in the world,
  ///   ``InfluenceError/emptyGroup(_:values:)`` when no actor has the attribute value.
  /// - Complexity: O(*n*) (members are matched by attribute), O(1) expected for an actor.
  public func members(of group: Actor.ID) throws -> [Int] {
    if let i = index(of: group) { return [i] }
    let text = group.rawValue
    if let eq = text.firstIndex(of: "="), !text.contains("+") {
      let attribute = String(text[..<eq]), value = String(text[text.index(after: eq)...])
      let found = actors.indices.filter { actors[$0].attributes[attribute].map { ScalarKey.equal($0, value) } ?? false }
      guard !found.isEmpty else {
        let values = Set(actors.compactMap { $0.attributes[attribute] }).sorted()
        throw InfluenceError.emptyGroup(group, values: values)
      }
      return found
    }
    if text.contains("+") {
      var seen = Set<Int>()
      for part in text.split(separator: "+", omittingEmptySubsequences: true) {
        seen.insert(try requireIndex(of: Actor.ID(String(part))))
      }
      return seen.sorted()
    }
    return [try requireIndex(of: group)]
  }

  /// Whether an id names a group (`A+B`, `attr=value`) rather than one actor of this world.
  /// - Complexity: O(*n*).
  public func isGroup(_ id: Actor.ID) -> Bool {
    index(of: id) == nil && (id.rawValue.contains("+") || id.rawValue.contains("="))
  }
}
