#if canImport(Glibc)
import Glibc
#endif

/// One unit the framer cuts from the byte stream.
public enum Frame: Sendable, Hashable {
    /// A complete line, without its `\n` (and without a `\r` before it).
    case line([UInt8])
    /// A line longer than the limit: its bytes were dropped as they came, only its length is kept.
    case overlong(bytes: Int)
}

/// Cuts newline-delimited messages out of a byte stream. A line longer than
/// `maximumLineBytes` is never held in memory: its bytes are discarded as they
/// arrive and it comes out as `.overlong` once its newline is seen.
public struct LineFramer: Sendable {
    /// The longest line kept, in bytes, newline excluded.
    public let maximumLineBytes: Int
    private var pending: [UInt8] = []
    private var droppedBytes: Int?

    /// A framer that keeps lines up to `maximumLineBytes` long.
    public init(maximumLineBytes: Int) {
        self.maximumLineBytes = maximumLineBytes
    }

    /// Feeds bytes in; returns the frames they complete, in order. Bytes not
    /// held contiguously (rare: reads fill arrays) are copied into an array first.
    public mutating func push(_ bytes: some Collection<UInt8>) -> [Frame] {
        if let frames = bytes.withContiguousStorageIfAvailable({ push(contiguous: $0) }) { return frames }
        return Array(bytes).withUnsafeBufferPointer { push(contiguous: $0) }
    }

    /// `push` over contiguous bytes: newlines are found with `memchr`, many
    /// bytes at a time.
    private mutating func push(contiguous bytes: UnsafeBufferPointer<UInt8>) -> [Frame] {
        var frames: [Frame] = []
        guard let base = bytes.baseAddress else { return frames }
        var start = 0
        while start < bytes.count {
            let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
            let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            take(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            guard found != nil else { break }
            frames.append(finishLine())
            start = end + 1
        }
        return frames
    }

    /// Whether part of a line has come in (kept or dropped) and its newline not yet.
    public var isMidLine: Bool { !pending.isEmpty || droppedBytes != nil }

    /// Ends the stream: a last line without a newline comes out as a frame.
    public mutating func finish() -> Frame? {
        guard !pending.isEmpty || droppedBytes != nil else { return nil }
        return finishLine()
    }

    private mutating func take(_ chunk: some Collection<UInt8>) {
        if let dropped = droppedBytes {
            droppedBytes = dropped + chunk.count
        } else if pending.count + chunk.count > maximumLineBytes + 1 {
            // One byte of slack for a `\r` that ends up stripped.
            droppedBytes = pending.count + chunk.count
            pending = []
        } else {
            pending.append(contentsOf: chunk)
        }
    }

    private mutating func finishLine() -> Frame {
        defer { pending = []; droppedBytes = nil }
        if let dropped = droppedBytes { return .overlong(bytes: dropped) }
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        if pending.count > maximumLineBytes { return .overlong(bytes: pending.count) }
        return .line(pending)
    }
}
