import DelveFormats

/// A picture in an observation: an encoded frame (a PNG) in base64, with its size.
public struct ObservationImage: Sendable, Hashable, Codable {
    /// The encoded image, base64 (RFC 4648, with padding).
    public var data: String
    /// Pixels across.
    public var width: Int
    /// Pixels down.
    public var height: Int
    /// The encoding's media type: `image/png`.
    public var mime: String

    /// An image from its base64 bytes and size.
    public init(data: String, width: Int, height: Int, mime: String = "image/png") {
        self.data = data
        self.width = width
        self.height = height
        self.mime = mime
    }

    /// The image as a data URL, as vision-language APIs take it.
    public var dataURL: String { "data:\(mime);base64,\(data)" }

    /// Writes the image as JSON, keys sorted, exactly as `JSONEncoder` would.
    public func write(to output: inout JSONOutput) {
        output.raw("{\"data\":")
        output.string(data)
        output.raw(",\"height\":")
        output.int(height)
        output.raw(",\"mime\":")
        output.string(mime)
        output.raw(",\"width\":")
        output.int(width)
        output.byte(UInt8(ascii: "}"))
    }
}
