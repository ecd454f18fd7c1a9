import Foundation

/// A world written for engines beyond one machine: Apache Spark (vertex and edge CSV files a
/// DataFrame reads) and Neo4j (`neo4j-admin database import` CSV files and a Cypher script for
/// the Graph Data Science library). Each export is a set of named texts the caller writes into
/// a folder.
public enum GraphExport {
  /// One file of an export: its name inside the folder and its text.
  public typealias File = (name: String, text: String)

  /// Spark: `vertices.csv` (`id`, `name`, `kind`, then every actor attribute) and `edges.csv`
  /// (`src`, `dst`, `weight`, `sign` as +1/−1/0, `type`, `since`, `until`, `mutual`, `source`),
  /// one row per relation in world order; CSV quoted as RFC 4180, read with
  /// `spark.read.csv(path, header=True, multiLine=True, escape='"')`. A mutual relation is one
  /// row with `mutual` true: Statecraft counts it both ways, and so must a job reading it.
  public static func spark(_ world: World) -> [File] {
    let attributes = world.actorAttributeNames
    var vertices = (["id", "name", "kind"] + attributes).joined(separator: ",") + "\n"
    for a in world.actors {
      vertices += ([a.id.rawValue, a.name, a.kind.rawValue] + attributes.map { a.attributes[$0] ?? "" }).map(EdgeListCSV.csvQuoted).joined(separator: ",") + "\n"
    }
    var edges = "src,dst,weight,sign,type,since,until,mutual,source\n"
    for r in world.relations {
      edges += [
        r.from.rawValue, r.to.rawValue, "\(r.weight)", signNumber(r.sign), r.type,
        r.since?.description ?? "", r.until?.description ?? "", r.mutual ? "true" : "false", r.source ?? "",
      ].map(EdgeListCSV.csvQuoted).joined(separator: ",") + "\n"
    }
    return [("vertices.csv", vertices), ("edges.csv", edges)]
  }

  /// Neo4j: `nodes.csv` (`id:ID`, `name`, `kind`, attributes, `:LABEL` = `Actor` and the kind),
  /// `relationships.csv` (`:START_ID`, `:END_ID`, `:TYPE` = the relation type in upper snake
  /// case, `weight:double`, `sign:int`, `relation_type`, `since`, `until`, `source`; a mutual
  /// relation as two rows), `import.sh` (the `neo4j-admin database import full` call) and
  /// `analysis.cypher` (projection, weighted PageRank and Louvain in the Graph Data Science
  /// library). Untested here: no Neo4j server can be installed on the build machine.
  public static func neo4j(_ world: World) -> [File] {
    let attributes = world.actorAttributeNames
    var nodes = (["id:ID", "name", "kind"] + attributes + [":LABEL"]).map(EdgeListCSV.csvQuoted).joined(separator: ",") + "\n"
    for a in world.actors {
      let label = "Actor;" + a.kind.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
      nodes += ([a.id.rawValue, a.name, a.kind.rawValue] + attributes.map { a.attributes[$0] ?? "" } + [label])
        .map(EdgeListCSV.csvQuoted).joined(separator: ",") + "\n"
    }
    var relationships = ":START_ID,:END_ID,:TYPE,weight:double,sign:int,relation_type,since,until,source\n"
    for r in world.relations {
      let type = r.type.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
      for (a, b) in r.mutual ? [(r.from, r.to), (r.to, r.from)] : [(r.from, r.to)] {
        relationships += [
          a.rawValue, b.rawValue, type, "\(r.weight)", signNumber(r.sign), r.type,
          r.since?.description ?? "", r.until?.description ?? "", r.source ?? "",
        ].map(EdgeListCSV.csvQuoted).joined(separator: ",") + "\n"
      }
    }
    let script = """
      #!/bin/sh
      # Loads this folder into a new, empty Neo4j database (run on the Neo4j host; Neo4j 5).
      # Written by `statecraft export neo4j`; untested by Statecraft (no Neo4j server on its build machine).
      set -e
      neo4j-admin database import full statecraft --overwrite-destination \\
        --nodes="$(dirname "$0")/nodes.csv" --relationships="$(dirname "$0")/relationships.csv"

      """
    let cypher = """
      // Weighted PageRank and Louvain in Neo4j's Graph Data Science library, on the world
      // `statecraft export neo4j` wrote. Untested by Statecraft (no Neo4j server on its build machine).
      // Statecraft's default lens counts every relation at its weight whatever its sign, and sums
      // parallel relations; the projection below does the same (aggregation: SUM).
      CALL gds.graph.project('statecraft', 'Actor', {
        ALL: {type: '*', orientation: 'NATURAL', properties: {weight: {property: 'weight', aggregation: 'SUM'}}}
      });

      // statecraft rank --measure pagerank (damping 0.85, NetworkX's weighted PageRank).
      CALL gds.pageRank.stream('statecraft', {relationshipWeightProperty: 'weight', dampingFactor: 0.85, maxIterations: 100, tolerance: 1e-10})
      YIELD nodeId, score
      RETURN gds.util.asNode(nodeId).id AS actor, score ORDER BY score DESC;

      // statecraft communities (Louvain on the undirected, weighted graph); project it undirected first.
      CALL gds.graph.project('statecraft-undirected', 'Actor', {
        ALL: {type: '*', orientation: 'UNDIRECTED', properties: {weight: {property: 'weight', aggregation: 'SUM'}}}
      });
      CALL gds.louvain.stream('statecraft-undirected', {relationshipWeightProperty: 'weight'})
      YIELD nodeId, communityId
      RETURN gds.util.asNode(nodeId).id AS actor, communityId ORDER BY communityId, actor;

      """
    return [("nodes.csv", nodes), ("relationships.csv", relationships), ("import.sh", script), ("analysis.cypher", cypher)]
  }

  private static func signNumber(_ sign: Sign) -> String {
    switch sign {
    case .cooperative: "1"
    case .hostile: "-1"
    case .neutral: "0"
    }
  }
}
