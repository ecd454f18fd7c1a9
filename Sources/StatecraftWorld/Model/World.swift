/// A model of actors and the relations between them, as read from one world file.
///
/// Value semantics: editing a copy never changes the original. Actors, relations, types
/// and sources keep file order, which is the tie-break for every ranking.
public struct World: Sendable {
  /// A short machine name, used for output file names (`pakistan-2025`).
  public var name: String
  /// A title for maps and reports.
  public var title: String
  /// The date the world describes, if any.
  public var date: PartialDate?
  public var description: String?
  /// Whether relations are arcs (`true`, the default) or undirected edges. Declared by the
  /// file (`directed: false`, `--undirected` for an edge list, GraphML's `edgedefault`),
  /// never inferred from the relations, so an edit changes only what it edits. In an
  /// undirected world every relation is mutual.
  public var directed: Bool
  /// Actors in file order; `actors[i]` is node `i` of every projected digraph.
  public var actors: [Actor] { didSet { reindex() } }
  /// Relations in file order, stored by column (``RelationStore``); edit them with
  /// ``apply(_:)-(Edit)``, which validates.
  public var relations: RelationStore
  /// Declared relation types, in file order.
  public var types: [RelationType] { didSet { reindexTypes() } }
  /// Citations relations point to, in file order.
  public var sources: [Source] { didSet { reindexSources() } }

  private var indexByID: [Actor.ID: Int] = [:]
  private var typeIndex: [ScalarKey: Int] = [:]
  private var sourceIndex: [ScalarKey: Int] = [:]

  /// A world from actors and relations in file order (the title defaults to `name`); the
  /// relations are stored in a new ``RelationStore``.
  /// - Complexity: O(*n* + *m*), plus the declared types and sources.
  public init(
    name: String, title: String? = nil, date: PartialDate? = nil, description: String? = nil,
    directed: Bool = true, actors: [Actor], relations: [Relation], types: [RelationType] = [],
    sources: [Source] = []
  ) {
    self.init(
      name: name, title: title, date: date, description: description, directed: directed, actors: actors,
      store: RelationStore(actors: actors.map(\.id), relations: relations), types: types, sources: sources)
  }

  /// A world whose relations are already in a ``RelationStore`` (readers fill one directly).
  /// - Complexity: O(*n* + *m*) to index actors, types and sources.
  public init(
    name: String, title: String? = nil, date: PartialDate? = nil, description: String? = nil,
    directed: Bool = true, actors: [Actor], store relations: RelationStore, types: [RelationType] = [],
    sources: [Source] = []
  ) {
    self.name = name
    self.directed = directed
    self.title = title ?? name
    self.date = date
    self.description = description
    self.actors = actors
    self.relations = relations
    self.types = types
    self.sources = sources
    reindex()
    reindexTypes()
    reindexSources()
  }

  private mutating func reindex() {
    indexByID = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  private mutating func reindexTypes() {
    typeIndex = Dictionary(types.enumerated().map { (ScalarKey($1.id), $0) }, uniquingKeysWith: { a, _ in a })
  }

  private mutating func reindexSources() {
    sourceIndex = Dictionary(sources.enumerated().map { (ScalarKey($1.id), $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The node index of an actor in every digraph projected from this world.
  /// - Complexity: O(1) expected.
  public func index(of id: Actor.ID) -> Int? { indexByID[id] }

  /// The actor with this id, if any.
  public subscript(actor id: Actor.ID) -> Actor? { index(of: id).map { actors[$0] } }

  /// The declared relation type with this id (compared by Unicode scalars); O(1).
  /// - Complexity: O(1) expected.
  public func type(_ id: String) -> RelationType? { typeIndex[ScalarKey(id)].map { types[$0] } }

  /// The declared source with this key (compared by Unicode scalars); O(1).
  /// - Complexity: O(1) expected.
  public func source(_ id: String) -> Source? { sourceIndex[ScalarKey(id)].map { sources[$0] } }
}

extension World {
  /// Every attribute name the actors use, in the order first met (each actor's names sorted):
  /// the columns of a node table.
  public var actorAttributeNames: [String] {
    var names: [String] = []
    var seen = Set<String>()
    for a in actors { for k in a.attributes.keys.sorted() where seen.insert(k).inserted { names.append(k) } }
    return names
  }
}
