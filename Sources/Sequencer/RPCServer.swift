import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP transport of JSON-RPC: POST / with a JSON body, on Hummingbird. The only file of the
/// module that knows HTTP.
public enum RPCServer {
    /// Serves `handler` on host:port until the task is cancelled or SIGINT/SIGTERM arrives (then
    /// it shuts down gracefully; `ShutdownSignals` says why the signals are not ServiceLifecycle's).
    /// - Parameters:
    ///   - onRunning: called with the bound port once the server listens (port 0 picks a free one).
    /// - Throws: when the address cannot be bound.
    public static func run(handler: RPCHandler, host: String, port: Int, logger: Logger,
                           onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router()
        // Browser dapps call the node from their own origin (geth: --http.corsdomain).
        router.add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.accept, .contentType, .origin],
                                              allowMethods: [.get, .post, .options]))
        let limit = handler.limits.maxBodyBytes
        router.post("/") { request, _ -> Response in
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: limit)
            } catch {
                let error = RPCError.invalidRequest("request body too large (limit \(limit) bytes)")
                return json(RPCHandler.response(id: .null, error: error).serialized, status: .contentTooLarge)
            }
            guard let out = await handler.handle(body: Array(body.readableBytesView)) else {
                return Response(status: .ok)
            }
            return json(out, status: .ok)
        }
        router.get("/metrics") { _, _ -> Response in
            let node = handler.node
            let text = node.metrics.render(mempoolSize: node.mempoolCount, blockHeight: node.head.header.number,
                                           batchHeight: (try? node.store.latestBatch()).flatMap { $0.map { Int64($0.index) } } ?? -1)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/health") { _, _ -> Response in
            json(Array("{\"status\":\"ok\"}".utf8), status: .ok)
        }
        let app = Application(router: router,
                              configuration: .init(address: .hostname(host, port: port), serverName: "zkrollup"),
                              onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                              logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let token = ShutdownSignals.shared.onSignal(logger: logger) {
            Task { await group.triggerGracefulShutdown() }
        }
        defer { ShutdownSignals.shared.remove(token) }
        try await group.run()
        logger.info("JSON-RPC server stopped")
    }

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
