import DelveCore

/// Encodes frames as base64 PNG images for observations.
public struct PNGEncoder: FrameEncoder {
    /// An encoder.
    public init() {}

    /// `frame` as a PNG, base64, with its size. zlib does not fail on input
    /// in memory; if it ever did, the image would be empty (`data` "").
    public func image(of frame: Frame) -> ObservationImage {
        ObservationImage(data: PNG.encode(frame).map(Base64.encode) ?? "", width: frame.width, height: frame.height)
    }
}

extension Imaging {
    /// PNG pictures of the agent's view at the default size for `mode`; nil for `.text`, which draws none.
    public static func `for`(_ mode: ObservationMode, frame: FrameRequest = FrameRequest()) -> Imaging? {
        mode.includesImage ? png(frame, mode: mode) : nil
    }

    /// PNG pictures drawn as `request` asks, in `mode`.
    public static func png(_ request: FrameRequest = FrameRequest(), mode: ObservationMode = .both) -> Imaging {
        Imaging(request: request, encoder: PNGEncoder(), mode: mode)
    }
}
