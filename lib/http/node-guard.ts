import { type IncomingMessage, Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { methodNotAllowed, type Refusal, refusal } from "./methods";

// Requests that fail before proxy.ts can see them, because Next.js turns every request into a
// Fetch API `Request` first, and Node's HTTP parser sits below that:
// - TRACE: the Fetch API forbids it, so Next's `new Request()` throws: a 500 and a stack trace in
//   the log on every call.
// - CONNECT: Node closes the connection unless the server listens for "connect".
// - TRACK, unknown methods (FOO) and other unparsable requests: Node answers a bare 400 without
//   the security headers.
// `next start` owns its http.Server and gives us no handle on it, so instrumentation.ts installs
// this on the class, once, at start-up. Each case answers with the same Refusal as the proxy.

const GUARDED = Symbol.for("andromede.http-guard");

function serialise({ status, headers, body }: Refusal): string {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`];
  for (const [key, value] of Object.entries(headers)) lines.push(`${key}: ${value}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, "Connection: close");
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

const pathOf = (url: string | undefined) => (url ?? "/").split("?")[0] || "/";

/** Node's own statuses for parser errors (lib/_http_server.js), with 405 for an unknown method. */
function clientErrorRefusal(code: string | undefined): Refusal {
  switch (code) {
    case "HPE_INVALID_METHOD":
      return methodNotAllowed("/", "");
    case "HPE_HEADER_OVERFLOW":
      return refusal(431, "/", "", "Request header fields too large");
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return refusal(413, "/", "", "Content too large");
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return refusal(408, "/", "", "Request timeout");
    default:
      return refusal(400, "/", "", "Bad request");
  }
}

function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // As Node does: answer only when nothing of a response is on the wire yet, else just close.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(serialise(clientErrorRefusal(error.code)));
}

function onConnect(request: IncomingMessage, socket: Duplex): void {
  socket.end(serialise(methodNotAllowed(pathOf(request.url), "CONNECT")));
}

function answer(response: ServerResponse, { status, headers, body }: Refusal): void {
  response.writeHead(status, headers).end(body);
}

export function installHttpGuard(): void {
  const proto = Server.prototype as Server & { [GUARDED]?: true };
  if (proto[GUARDED]) return;
  proto[GUARDED] = true;
  const emit = proto.emit;
  const attached = new WeakSet<Server>();
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    // The listeners are attached on a server's first connection: it exists by then, and nothing
    // of that connection has been parsed yet.
    if (event === "connection" && !attached.has(this)) {
      attached.add(this);
      if (this.listenerCount("connect") === 0) this.on("connect", onConnect);
      if (this.listenerCount("clientError") === 0) this.on("clientError", onClientError);
    }
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (request.method === "TRACE") {
        answer(response, methodNotAllowed(pathOf(request.url), "TRACE"));
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
