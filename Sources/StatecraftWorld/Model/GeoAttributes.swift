/// Where an actor is on the globe, as its attributes say: `lat` and `lon` (decimal degrees,
/// both or neither) or `place` (a country code). The readers check these while loading, so a
/// bad coordinate is reported at its line and column; the geographic map
/// (`StatecraftRender.GeoMap`) turns them into points.
///
/// Country codes are ISO 3166-1 alpha-3 (`PAK`, `USA`), or the CAMEO codes GDELT uses where
/// they differ from ISO: see ``isoCountry(_:)``.
public enum GeoAttributes {
  /// The attribute names this type reads.
  public static let names: Set<String> = ["lat", "lon", "place"]

  /// CAMEO country codes that are not (or no longer) ISO 3166-1 alpha-3, with the ISO code
  /// of the same place. CAMEO kept codes ISO later changed: Romania ROM → ROU (ISO 3166
  /// newsletter V-3, 2002), East Timor TMP → TLS (newsletter V-5, 2002), Zaire ZAR → COD
  /// (1997); it has codes of its own for Kosovo (KSV; ISO has none, `XKX` is the
  /// user-assigned code the EU and the World Bank use), the West Bank (WSB) and the Gaza
  /// Strip (GZS), both placed at Palestine (PSE).
  public static let cameoToISO: [String: String] = [
    "ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KSV": "XKX", "WSB": "PSE", "GZS": "PSE",
  ]

  /// Every code ``isoCountry(_:)`` knows as a country: ISO alpha-3 codes and `XKX`.
  static let isoCodes: Set<String> = Set(CAMEO.countries.keys).subtracting(CAMEO.regions).union(["XKX"])

  /// The ISO 3166-1 alpha-3 code (upper case) for an ISO or CAMEO country code in any case,
  /// or `nil` when `code` names no country (CAMEO regions such as `AFR` are not places).
  ///
  /// - Complexity: O(1).
  public static func isoCountry(_ code: String) -> String? {
    let upper = code.uppercased()
    if let iso = cameoToISO[upper] { return iso }
    return isoCodes.contains(upper) ? upper : nil
  }

  /// What is wrong with one geographic attribute's value, in words, or `nil` when it is fine
  /// (or `name` is not a geographic attribute).
  ///
  /// - Complexity: O(1), or O(codes) for the did-you-mean of an unknown place.
  public static func problem(attribute name: String, value: String) -> String? {
    switch name {
    case "lat", "lon":
      let limit = name == "lat" ? 90.0 : 180.0
      if let v = Double(decimal: value), v.isFinite, abs(v) <= limit { return nil }
      return "\(name) \"\(value)\" must be a decimal number from −\(Int(limit)) to \(Int(limit)) (degrees \(name == "lat" ? "north" : "east"))"
    case "place":
      if isoCountry(value) != nil { return nil }
      let hint = CAMEO.regions.contains(value.uppercased())
        ? "; \(value.uppercased()) is a CAMEO region, not a country: give `lat` and `lon` instead"
        : didYouMean(value.uppercased(), in: isoCodes.sorted())
      return "place \"\(value)\" is not an ISO 3166-1 alpha-3 or CAMEO country code\(hint)"
    default:
      return nil
    }
  }

  /// Every problem with an actor's geographic attributes: bad values, and ``unpaired(_:)``.
  ///
  /// - Complexity: O(1) per attribute.
  public static func problems(of actor: Actor) -> [(attribute: String, message: String)] {
    var found: [(attribute: String, message: String)] = []
    for name in ["lat", "lon", "place"] {
      if let value = actor.attributes[name], let p = problem(attribute: name, value: value) { found.append((name, p)) }
    }
    if let p = unpaired(actor.attributes) { found.append(p) }
    return found
  }

  /// `lat` without `lon` (or the reverse), in words, or `nil` when both or neither are given.
  ///
  /// - Complexity: O(1).
  public static func unpaired(_ attributes: [String: String]) -> (attribute: String, message: String)? {
    switch (attributes["lat"], attributes["lon"]) {
    case (.some, nil): ("lat", "lat without lon: give both (decimal degrees), or `place:` with a country code")
    case (nil, .some): ("lon", "lon without lat: give both (decimal degrees), or `place:` with a country code")
    default: nil
    }
  }
}
