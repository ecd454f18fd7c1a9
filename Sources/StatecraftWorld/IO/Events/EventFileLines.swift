import CZlib
import Foundation

/// The lines of an event file, streamed: plain text, a zip archive (GDELT's 15-minute exports and
/// Phoenix's daily files; every member in turn) or a gzip file, recognized by their first bytes
/// rather than their names. Memory stays at a few MiB whatever the file's size.
///
/// A zip member is inflated with zlib's raw deflate and checked against the CRC-32 and size its
/// header records, so a truncated download is an error naming the file, never a file that
/// silently ends early.
struct EventFileLines {
  /// The longest line accepted: event rows are under a few KB, so a longer one means the file
  /// is not an event file (a file without newlines would be read as one ever-growing line).
  static let maxLineBytes = 1 << 20

  /// The file as given, for messages.
  let path: String

  /// Calls `body` with each non-empty line: the name messages give its place (the path, or
  /// `archive.zip:member.csv` for a zip member), its 1-based number within its
  /// member, and its bytes without the line break.
  ///
  /// `progress` advances by the bytes of the file read (compressed bytes for an archive).
  ///
  /// - Throws: ``GraphFileError`` for a file that cannot be read, a damaged or truncated
  ///   archive, or a line over ``maxLineBytes``; and whatever `body` throws.
  func forEachLine(progress: WorkProgress?, _ body: (String, Int, ArraySlice<UInt8>) throws -> Void) throws {
    let input = try ByteInput(path)
    let magic = try input.peek(4)
    if magic.isEmpty {
      throw GraphFileError.unreadable(file: path, reason: "is empty; an event file has at least one row (an interrupted download? fetch it again)")
    }
    if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      var members = 0
      while var member = try ZipMember(input, path: path) {
        members += 1
        // Line numbers restart per member, named `archive.zip:member`.
        try splitLines(place: "\(path):\(member.name)", progress: progress, input: input, read: { try member.read(into: &$0) }, body)
      }
      if members == 0 { throw GraphFileError.unreadable(file: path, reason: "is a zip archive without any file in it") }
    } else if magic.starts(with: [0x1F, 0x8B]) {
      var gzip = try Inflater(input, path: path, format: .gzip)
      try splitLines(place: path, progress: progress, input: input, read: { try gzip.read(into: &$0) }, body)
    } else {
      try splitLines(place: path, progress: progress, input: input, read: { try input.read(into: &$0) }, body)
    }
  }

  /// Calls `body` with the lines of a plain (uncompressed) file that start within `range`
  /// (byte offsets), numbered from 1 within the range, so that several ranges of one big file
  /// can be read at once and their lines each read exactly once. Returns how many lines it
  /// numbered (empty ones included), for the caller to number later ranges.
  ///
  /// - Throws: as ``forEachLine(progress:_:)``.
  @discardableResult
  func forEachLine(in range: Range<Int>, progress: WorkProgress?, _ body: (String, Int, ArraySlice<UInt8>) throws -> Void) throws -> Int {
    // Start one byte early: a line starts at `range.lowerBound` exactly when that byte is a newline.
    let from = max(0, range.lowerBound - 1)
    let input = try ByteInput(path, offset: from)
    return try splitLines(
      place: path, progress: progress, input: input, read: { try input.read(into: &$0) }, body,
      offset: from, skipFirst: range.lowerBound > 0, end: range.upperBound)
  }

  /// Splits what `read` yields into lines (LF or CRLF) and passes the non-empty ones on;
  /// returns how many lines it numbered. With a range (`offset` of the first byte read,
  /// `skipFirst` to drop the line in progress there, `end`), only lines starting before `end`.
  @discardableResult
  private func splitLines(
    place: String, progress: WorkProgress?, input: ByteInput, read: (inout [UInt8]) throws -> Int,
    _ body: (String, Int, ArraySlice<UInt8>) throws -> Void, offset: Int = 0, skipFirst: Bool = false, end: Int = .max
  ) throws -> Int {
    struct Done: Error {}
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var carry: [UInt8] = []
    var lineNumber = 0
    var consumed = input.consumed
    var skipping = skipFirst
    var base = offset  // the file offset of chunk[0]
    var lineStart = offset  // the file offset of the line being gathered
    func emit(_ line: ArraySlice<UInt8>) throws {
      if skipping {
        skipping = false
        return
      }
      if lineStart >= end { throw Done() }
      lineNumber += 1
      var line = line
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      // A UTF-8 byte-order mark (as Excel writes) is no part of the first field.
      if lineStart == 0 && line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
      if line.count > Self.maxLineBytes { throw tooLong(lineNumber) }
      if !line.isEmpty { try body(place, lineNumber, line) }
    }
    func tooLong(_ line: Int) -> GraphFileError {
      .invalid(file: place, problems: [.init(
        line: line, column: 1,
        message: "this line is over \(Self.maxLineBytes / 1_048_576) MiB; event files have one event of a few KB at most per line, so this is not an event file")])
    }
    do {
      while true {
        let n = try read(&chunk)
        if n == 0 { break }
        progress?.advance(input.consumed - consumed)
        consumed = input.consumed
        var start = 0
        while let newline = chunk[start ..< n].firstIndex(of: UInt8(ascii: "\n")) {
          if carry.isEmpty {
            try emit(chunk[start ..< newline])
          } else {
            carry.append(contentsOf: chunk[start ..< newline])
            try emit(carry[...])
            carry.removeAll(keepingCapacity: true)
          }
          start = newline + 1
          lineStart = base + start
        }
        carry.append(contentsOf: chunk[start ..< n])
        base += n
        if carry.count > Self.maxLineBytes && !skipping { throw tooLong(lineNumber + 1) }
        if skipping && carry.count > Self.maxLineBytes { carry.removeAll(keepingCapacity: true) }
      }
      if !carry.isEmpty { try emit(carry[...]) }
    } catch is Done {}
    return lineNumber
  }
}

/// A file read through a 1 MiB buffer, with the look-ahead the zip reader needs.
final class ByteInput {
  private let file: InputFile
  private var buffer = [UInt8](repeating: 0, count: 1 << 20)
  private var start = 0
  private var end = 0
  /// Bytes of the file handed out so far (for progress).
  private(set) var consumed = 0

  /// The size of a regular file; `nil` for a stream.
  var size: Int? { file.size }
  /// The path as given, for messages.
  var path: String { file.path }

  /// Opens `path`, positioned at byte `offset` of a regular file.
  init(_ path: String, offset: Int = 0) throws {
    file = try InputFile(path)
    if offset > 0 && lseek(file.fd, off_t(offset), SEEK_SET) != off_t(offset) {
      throw GraphFileError.unreadable(file: path, reason: "cannot be read from byte \(offset) (\(String(cString: strerror(errno))))")
    }
  }

  /// Makes at least `count` bytes available unless the file ends first; returns how many are.
  @discardableResult
  func fill(_ count: Int) throws -> Int {
    if end - start >= count { return end - start }
    if start > 0 {
      buffer.withUnsafeMutableBufferPointer { b in
        _ = memmove(b.baseAddress!, b.baseAddress! + start, end - start)
      }
      end -= start
      start = 0
    }
    if buffer.count < count { buffer += [UInt8](repeating: 0, count: count - buffer.count) }
    while end < count {
      let n = try buffer.withUnsafeMutableBufferPointer { b in
        try file.readRaw(into: UnsafeMutableBufferPointer(rebasing: b[end...]))
      }
      if n == 0 { break }
      end += n
    }
    return end - start
  }

  /// The next `count` bytes without consuming them (fewer at the end of the file).
  func peek(_ count: Int) throws -> ArraySlice<UInt8> {
    let available = try fill(count)
    return buffer[start ..< start + min(count, available)]
  }

  /// Consumes exactly `count` bytes, or throws naming what was being read.
  func take(_ count: Int, reading what: String) throws -> ArraySlice<UInt8> {
    guard try fill(count) >= count else {
      throw GraphFileError.unreadable(file: path, reason: "ends inside the \(what) (a truncated download? fetch the file again)")
    }
    defer { start += count; consumed += count }
    return buffer[start ..< start + count]
  }

  /// Calls `body` with whatever is buffered (refilling when empty) and consumes what it says
  /// it used; an empty buffer means the file ended.
  func withAvailable<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> (used: Int, result: T)) throws -> T {
    if start == end {
      start = 0
      end = 0
      end = try buffer.withUnsafeMutableBufferPointer { try file.readRaw(into: $0) }
    }
    let (used, result) = try buffer.withUnsafeBufferPointer { b in
      try body(UnsafeBufferPointer(rebasing: b[start ..< end]))
    }
    start += used
    consumed += used
    return result
  }

  /// Reads plain bytes into `out`; 0 at the end.
  func read(into out: inout [UInt8]) throws -> Int {
    try withAvailable { available in
      let n = min(available.count, out.count)
      out.withUnsafeMutableBufferPointer { o in
        if n > 0 { o.baseAddress!.update(from: available.baseAddress!, count: n) }
      }
      return (n, n)
    }
  }
}

/// zlib's inflate over a ``ByteInput``: raw deflate (a zip member) or gzip (every member of a
/// concatenated gzip file).
struct Inflater {
  enum Format { case raw, gzip }
  private let input: ByteInput
  private let path: String
  private let format: Format
  /// Heap-allocated: zlib keeps a pointer back to the stream and refuses a moved one.
  private let stream: UnsafeMutablePointer<z_stream>
  private let owner: StreamOwner
  private(set) var finished = false
  /// CRC-32 and count of the bytes produced, to check a zip member against its header.
  private(set) var crc: UInt = 0
  private(set) var produced = 0

  /// Frees the stream when the last copy of the inflater goes.
  private final class StreamOwner {
    let stream: UnsafeMutablePointer<z_stream>
    init(_ stream: UnsafeMutablePointer<z_stream>) { self.stream = stream }
    deinit {
      inflateEnd(stream)
      stream.deallocate()
    }
  }

  init(_ input: ByteInput, path: String, format: Format) throws {
    self.input = input
    self.path = path
    self.format = format
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let bits = format == .raw ? -MAX_WBITS : MAX_WBITS + 16
    guard inflateInit2_(stream, bits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      stream.deallocate()
      throw GraphFileError.unreadable(file: path, reason: "cannot be decompressed (zlib failed to start)")
    }
    owner = StreamOwner(stream)
  }

  /// Inflates up to `out.count` bytes into `out`; 0 once the compressed data has ended.
  mutating func read(into out: inout [UInt8]) throws -> Int {
    if finished { return 0 }
    var written = 0
    while written == 0 && !finished {
      let stream = self.stream
      let path = self.path
      let format = self.format
      let (status, n) = try out.withUnsafeMutableBufferPointer { o -> (Int32, Int) in
        try input.withAvailable { available -> (used: Int, result: (Int32, Int)) in
          if available.isEmpty {
            throw GraphFileError.unreadable(file: path, reason: "ends inside its compressed data (a truncated download? fetch the file again)")
          }
          stream.pointee.next_in = UnsafeMutablePointer(mutating: available.baseAddress!)
          stream.pointee.avail_in = UInt32(available.count)
          stream.pointee.next_out = o.baseAddress!
          stream.pointee.avail_out = UInt32(o.count)
          let status = inflate(stream, Z_NO_FLUSH)
          let used = available.count - Int(stream.pointee.avail_in)
          return (used, (status, o.count - Int(stream.pointee.avail_out)))
        }
      }
      if n > 0 {
        crc = out.withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress, UInt32(n)) }
        produced += n
      }
      written = n
      switch status {
      case Z_OK, Z_BUF_ERROR: break
      case Z_STREAM_END:
        // A gzip file may hold several members one after the other (as `cat a.gz b.gz` makes).
        if format == .gzip, try input.peek(2).elementsEqual([0x1F, 0x8B]) {
          inflateReset(stream)
        } else {
          finished = true
        }
      default:
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
        throw GraphFileError.unreadable(file: path, reason: "is damaged: its compressed data cannot be read (\(message)); fetch the file again")
      }
    }
    return written
  }
}

/// One member of a zip archive, read from its local header on: inflated (or stored) data,
/// checked against the CRC-32 and size the archive records.
struct ZipMember {
  /// The member's file name inside the archive.
  let name: String
  private let input: ByteInput
  private let path: String
  private var inflater: Inflater?
  private var storedLeft: Int
  private var expected: (crc: UInt32, size: Int)?
  private let hasDescriptor: Bool
  private var storedCRC: UInt = 0
  private var storedProduced = 0
  private var done = false

  /// Reads the next member's local header; `nil` at the archive's central directory (its end).
  init?(_ input: ByteInput, path: String) throws {
    var header = try input.peek(4)
    // Directory entries carry no data; skip them.
    while true {
      if header.elementsEqual([0x50, 0x4B, 0x01, 0x02]) || header.elementsEqual([0x50, 0x4B, 0x05, 0x06]) { return nil }
      if header.isEmpty {
        throw GraphFileError.unreadable(file: path, reason: "ends before its table of contents (the zip central directory): a truncated download; fetch the file again")
      }
      guard header.elementsEqual([0x50, 0x4B, 0x03, 0x04]) else {
        throw GraphFileError.unreadable(file: path, reason: "is a damaged zip archive (no member header where one should be); fetch the file again")
      }
      let fixed = Array(try input.take(30, reading: "zip member header"))
      func u16(_ i: Int) -> Int { Int(fixed[i]) | Int(fixed[i + 1]) << 8 }
      func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
      let flags = u16(6), method = u16(8)
      let nameLength = u16(26), extraLength = u16(28)
      let name = String(decoding: try input.take(nameLength, reading: "zip member name"), as: UTF8.self)
      _ = try input.take(extraLength, reading: "zip member header")
      if flags & 1 != 0 {
        throw GraphFileError.unreadable(file: path, reason: "holds an encrypted member (\(name)); decrypt it first")
      }
      let descriptor = flags & 8 != 0
      let compressedSize = u32(18)
      if name.hasSuffix("/") && compressedSize == 0 && !descriptor {
        header = try input.peek(4)
        continue
      }
      self.name = name
      self.input = input
      self.path = path
      hasDescriptor = descriptor
      expected = descriptor ? nil : (UInt32(u32(14)), u32(22))
      switch method {
      case 0:
        guard !descriptor else {
          throw GraphFileError.unreadable(file: path, reason: "stores \(name) uncompressed with its size after the data, which this reader does not support; unzip it and give the file")
        }
        storedLeft = compressedSize
        inflater = nil
      case 8:
        storedLeft = 0
        inflater = try Inflater(input, path: path, format: .raw)
      default:
        throw GraphFileError.unreadable(file: path, reason: "compresses \(name) with method \(method), not deflate; unzip it and give the file")
      }
      return
    }
  }

  /// Reads up to `out.count` bytes of the member into `out`; 0 at its end, after checking it.
  mutating func read(into out: inout [UInt8]) throws -> Int {
    if done { return 0 }
    var n = 0
    if inflater != nil {
      n = try inflater!.read(into: &out)
    } else if storedLeft > 0 {
      let want = min(storedLeft, out.count)
      let bytes = try input.take(want, reading: "zip member \(name)")
      out.replaceSubrange(0 ..< want, with: bytes)
      storedCRC = out.withUnsafeBufferPointer { CZlib.crc32(storedCRC, $0.baseAddress, UInt32(want)) }
      storedProduced += want
      storedLeft -= want
      n = want
    }
    if n == 0 { try finish() }
    return n
  }

  /// Checks the member's CRC-32 and size against its header (or the descriptor after it).
  private mutating func finish() throws {
    done = true
    let crc = inflater?.crc ?? storedCRC
    let produced = inflater?.produced ?? storedProduced
    var expected = self.expected
    if hasDescriptor {
      // Optional signature, CRC-32, compressed size, uncompressed size (4 bytes each; zip64 uses 8).
      var head = Array(try input.peek(4))
      if head.elementsEqual([0x50, 0x4B, 0x07, 0x08]) { _ = try input.take(4, reading: "zip data descriptor"); head = Array(try input.peek(4)) }
      let d = Array(try input.take(12, reading: "zip data descriptor"))
      func u32(_ i: Int) -> Int { Int(d[i]) | Int(d[i + 1]) << 8 | Int(d[i + 2]) << 16 | Int(d[i + 3]) << 24 }
      expected = (UInt32(u32(0)), u32(8))
      // A zip64 descriptor's sizes are 8 bytes: skip the rest when the next bytes are no header.
      if !(try input.peek(2).elementsEqual([0x50, 0x4B])) { _ = try input.take(8, reading: "zip data descriptor") }
    }
    if let expected, expected.size != 0xFFFF_FFFF {
      guard UInt32(truncatingIfNeeded: crc) == expected.crc, produced & 0xFFFF_FFFF == expected.size else {
        throw GraphFileError.unreadable(file: path, reason: "is damaged: \(name) does not match its recorded checksum and size; fetch the file again")
      }
    }
  }
}
