import Foundation

/// Turns what a user names on the command line into the event files to read: files as they
/// are, every data file of a folder, a glob pattern (quoted, so the shell leaves it alone), or
/// GDELT's `masterfilelist.txt` resolved against the local mirror beside it.
public enum EventFiles {
  /// The files `inputs` stand for, in a stable order (a folder's and a pattern's in name order).
  ///
  /// A `masterfilelist.txt` (GDELT's index: `size md5 URL` per line) selects the files of the
  /// profile's kind (`.export.CSV.zip`, and `.mentions.CSV.zip` with Mentions) whose 14-digit
  /// timestamp falls between `from` and `to`, looked up by name in the list's folder.
  ///
  /// - Throws: ``GraphFileError`` for a pattern or folder that matches nothing, or files a list
  ///   names that the mirror does not have.
  public static func expand(_ inputs: [String], profile: EventImport.Profile, from: PartialDate? = nil, to: PartialDate? = nil) throws -> [String] {
    var files: [String] = []
    for input in inputs {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: input, isDirectory: &isFolder)
      if exists && isFolder.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
        let picked = names.sorted().filter { !$0.hasPrefix(".") && !isIndex($0) && isData($0, profile: profile) }
          .map { (input as NSString).appendingPathComponent($0) }
          .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
        guard !picked.isEmpty else {
          let expected = profile == .gdelt ? " (*.export.CSV, plain, .zip or .gz)" : profile == .gdeltMentions ? " (*.export.CSV and *.mentions.CSV)" : ""
          throw GraphFileError.unreadable(file: input, reason: "is a folder without \(profile.displayName) files\(expected) in it (sub-folders are not searched)")
        }
        files += picked
      } else if exists && isIndex((input as NSString).lastPathComponent) {
        guard profile == .gdelt || profile == .gdeltMentions else {
          throw GraphFileError.unreadable(file: input, reason: "is GDELT's index of its files; use it with --profile gdelt or gdelt-mentions, and give \(profile.displayName) files or their folder")
        }
        files += try masterList(input, profile: profile, from: from, to: to)
      } else if !exists && input.contains(where: { "*?[".contains($0) }) {
        let matches = glob(input)
        guard !matches.isEmpty else { throw GraphFileError.unreadable(file: input, reason: "matches no file") }
        files += matches
      } else {
        files.append(input)
      }
    }
    return files
  }

  /// Whether a file name is GDELT's index rather than data.
  static func isIndex(_ name: String) -> Bool { name.lowercased().hasPrefix("masterfilelist") && name.lowercased().hasSuffix(".txt") }

  /// Whether a file in a folder holds `profile`'s data: for GDELT, its exports (and Mentions);
  /// for the others, any file.
  static func isData(_ name: String, profile: EventImport.Profile) -> Bool {
    let lower = name.lowercased()
    switch profile {
    case .gdelt: return lower.contains(".export.csv")
    case .gdeltMentions: return lower.contains(".export.csv") || lower.contains(".mentions.csv")
    case .phoenix, .polecat, .acled: return true
    }
  }

  /// The paths a shell pattern matches, sorted.
  static func glob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0 ..< Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
  }

  /// The mirrored files a `masterfilelist.txt` names for the profile and dates.
  static func masterList(_ list: String, profile: EventImport.Profile, from: PartialDate?, to: PartialDate?) throws -> [String] {
    let folder = (list as NSString).deletingLastPathComponent
    let fromKey = from?.firstDayKey ?? Int.min
    let toKey = to?.lastDayKey ?? Int.max
    var wanted: [String] = []
    var missing: [String] = []
    var lineNumber = 0
    try EventFileLines(path: list).forEachLine(progress: nil) { _, number, line in
      lineNumber = number
      let words = line.split(separator: UInt8(ascii: " "))
      guard words.count == 3 else {
        throw GraphFileError.invalid(file: list, problems: [.init(
          line: number, column: 1, message: "this line is not \"size md5 URL\" as GDELT's masterfilelist.txt writes them")])
      }
      let name = String(decoding: words[2].split(separator: UInt8(ascii: "/")).last ?? [], as: UTF8.self)
      guard isData(name, profile: profile), let day = Int(name.prefix(8)), name.prefix(14).allSatisfy(\.isNumber),
        day >= fromKey, day <= toKey
      else { return }
      let path = (folder as NSString).appendingPathComponent(name)
      guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
        missing.append(name)
        return
      }
      // The list gives each file's size: a shorter file is an interrupted download.
      if let listed = Int(String(decoding: words[0], as: UTF8.self)), listed != size {
        throw GraphFileError.invalid(file: list, problems: [.init(
          line: number, column: 1,
          message: "\(name) is \(size) bytes in the mirror but \(listed) here (an interrupted download?); fetch it again")])
      }
      wanted.append(path)
    }
    if !missing.isEmpty {
      throw GraphFileError.unreadable(
        file: list,
        reason: "names \(missing.count) file\(missing.count == 1 ? "" : "s") for these dates that the mirror beside it does not have (first: \(missing[0])); download them into \(folder.isEmpty ? "." : folder) or narrow --from/--to")
    }
    guard !wanted.isEmpty else {
      throw GraphFileError.unreadable(file: list, reason: "names no \(profile.displayName) file between \(from?.description ?? "the start") and \(to?.description ?? "the end") (\(lineNumber) lines read)")
    }
    return wanted
  }
}
