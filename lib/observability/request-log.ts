// One log line per HTTP request, from the spans Next.js itself records for every request it serves
// (its OpenTelemetry instrumentation: the root span "BaseServer.handleRequest" carries the method,
// the route, the status and the duration). Registering a tracer provider is what switches those
// spans on; nothing is exported anywhere, the spans only feed the log. The span's trace id is the
// request id: every log line written while the request runs carries it (./log.ts), and so does
// the X-Request-Id response header (proxy.ts). An incoming W3C `traceparent` header from a proxy
// in front is honoured, so its trace id carries through.
import "server-only";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { NodeTracerProvider, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { log } from "./log";

const REQUEST_SPAN = "BaseServer.handleRequest";
const PROXY_SPAN = "Middleware.execute";

class RequestLogProcessor implements SpanProcessor {
  /** Request spans that only ran proxy.ts: Next.js handles such a request twice, the second pass renders it. */
  private proxyPasses = new Set<string>();
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    const a = span.attributes;
    if (a["next.span_type"] === PROXY_SPAN && span.parentSpanContext) {
      this.proxyPasses.add(span.parentSpanContext.spanId);
      return;
    }
    // proxy.ts always lets the request through (NextResponse.next()), so the render pass is the one to log.
    if (a["next.span_type"] !== REQUEST_SPAN || this.proxyPasses.delete(span.spanContext().spanId)) return;
    const [seconds, nanos] = span.duration;
    const status = Number(a["http.status_code"] ?? 0);
    // The query string may hold codes and tokens (the ЕСИА callback): only the path is logged.
    const target = String(a["http.target"] ?? "");
    log[status >= 500 ? "error" : "info"](
      {
        event: "request",
        requestId: span.spanContext().traceId,
        method: a["http.method"],
        path: target.split("?")[0],
        route: a["next.route"],
        status,
        durationMs: Math.round(seconds * 1000 + nanos / 1e6),
      },
      "Запрос",
    );
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export function startRequestLog(): void {
  const g = globalThis as typeof globalThis & { __posRequestLog?: boolean };
  if (g.__posRequestLog) return;
  g.__posRequestLog = true;
  const provider = new NodeTracerProvider({ spanProcessors: [new RequestLogProcessor()] });
  // Also registers the AsyncLocalStorage context manager: the active span follows the request's async work.
  provider.register({ propagator: new W3CTraceContextPropagator() });
}
