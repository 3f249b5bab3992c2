import DelveFormats
import DelveProtocol
import WorldCatalog

/// libFuzzer's entry point: the input is a byte stream a client might send.
/// It goes through the line framer and a fresh server holding one live env,
/// and every answer must be one line of valid JSON; anything else traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func serverFuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    var server = Server(catalog: Catalog.standard, limits: ServerLimits(maximumLineBytes: 4096, maximumEnvs: 8, maximumSnapshots: 8))
    _ = server.handle(line: Array(#"{"jsonrpc":"2.0","id":0,"method":"env/reset","params":{"task":"grid/goto"}}"#.utf8))
    var framer = LineFramer(maximumLineBytes: 4096)
    var frames = framer.push(UnsafeBufferPointer(start: data, count: count))
    if let last = framer.finish() { frames.append(last) }
    for frame in frames where !server.isShutDown {
        guard let answer = server.handle(frame) else { continue }
        precondition(!answer.utf8.contains(UInt8(ascii: "\n")), "an answer spans lines: \(answer)")
        do {
            _ = try JSONParser.parse(Array(answer.utf8))
        } catch {
            preconditionFailure("an answer is not JSON (\(error)): \(answer)")
        }
    }
    return 0
}
