#!/usr/bin/env python3
"""Writes the NetworkX-made interchange fixtures the Swift tests load, and checks that the
files Statecraft writes load back in NetworkX with the same graph.

    python3 Scripts/interchange_fixtures.py write      # refresh Tests/StatecraftTests/Fixtures/
    python3 Scripts/interchange_fixtures.py check DIR  # DIR holds Statecraft's seed.graphml and seed.json

`check` needs the files first:  statecraft convert Graphs/pakistan-2025.yaml DIR/seed.graphml
and the same with .json. Needs networkx (3.6.1 made the fixtures) and PyYAML.
"""
import sys
import networkx as nx
import yaml

FIX = "Tests/StatecraftTests/Fixtures"


def write():
    K = nx.karate_club_graph()
    nx.write_graphml(K, f"{FIX}/karate.graphml")
    # Ids that differ only by Unicode normalization (issue 11): NetworkX keeps two nodes.
    U = nx.Graph()
    U.add_edge("Caf\u00e9", "X")
    U.add_edge("Cafe\u0301", "X")
    U.add_edge("Caf\u00e9", "Y")
    nx.write_graphml(U, f"{FIX}/unicode-normalization.graphml")
    # A directed weighted graph with typed attributes of every kind NetworkX writes.
    D = nx.DiGraph(name="trade-2024")
    D.add_node("PAK", name="Pakistan", kind="state", population=240_000_000, gdp=3.4e11, landlocked=False)
    D.add_node("USA", name="United States", kind="state", population=335_000_000, gdp=2.7e13, landlocked=False)
    D.add_node("AFG", name="Afghanistan", kind="state", population=41_000_000, gdp=1.4e10, landlocked=True)
    D.add_edge("PAK", "USA", weight=0.8, type="export-market", sign=1, note="largest market")
    D.add_edge("USA", "PAK", weight=0.5, type="tariff-threat", sign=-1)
    D.add_edge("PAK", "AFG", weight=2, type="transit", since="2021-08")
    nx.write_graphml(D, f"{FIX}/directed-attributes.graphml")
    # Parallel relations: NetworkX writes edge ids and reads a MultiDiGraph back.
    M = nx.MultiDiGraph()
    M.add_edge("a", "b", weight=1.0, type="trade")
    M.add_edge("a", "b", weight=2.0, type="aid")
    M.add_edge("b", "c", weight=0.5, type="trade")
    nx.write_graphml(M, f"{FIX}/multi.graphml")
    import json
    with open(f"{FIX}/karate-node-link.json", "w") as f:
        json.dump(nx.node_link_data(K), f)
    print("wrote fixtures with networkx", nx.__version__)


def check(directory):
    world = yaml.safe_load(open("Graphs/pakistan-2025.yaml"))
    actors = {a["id"]: a for a in world["actors"]}
    rels = world["relations"]
    import json
    for path, G in [(f"{directory}/seed.graphml", nx.read_graphml(f"{directory}/seed.graphml")),
                    (f"{directory}/seed.json", nx.node_link_graph(json.load(open(f"{directory}/seed.json"))))]:
        assert G.is_directed(), path
        assert G.is_multigraph(), f"{path}: parallel relations need a multigraph"
        assert set(G.nodes) == set(actors), path
        for n, a in actors.items():
            assert G.nodes[n]["name"] == a["name"], (path, n)
            assert G.nodes[n]["kind"] == a.get("kind", "other"), (path, n)
            for k, v in a.get("attributes", {}).items():
                assert str(G.nodes[n][k]) == str(v), (path, n, k)
        edges = sorted((u, v, d["type"], float(d["weight"]), d.get("note", "")) for u, v, d in G.edges(data=True))
        want = sorted((r["from"], r["to"], r["type"], float(r["weight"]), r.get("note", "")) for r in rels)
        assert edges == want, path
        assert all(d["citation"] == "seed-article" for _, _, d in G.edges(data=True)), path
        assert json.loads(G.graph["statecraft_types"])[0]["id"] == world["types"][0]["id"], path
        print(f"{path}: NetworkX reads {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, every attribute equal")


if __name__ == "__main__":
    if sys.argv[1:2] == ["write"]:
        write()
    elif sys.argv[1:2] == ["check"]:
        check(sys.argv[2])
    else:
        sys.exit(__doc__)
