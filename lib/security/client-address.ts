// Who is on the other end of a request. Next.js keeps an X-Forwarded-For the client sent and only
// fills it in when there is none, so the header alone is the client's to choose. The server stamps
// every request instead, before Next.js sees it, with the address worked out from the socket: the
// socket's peer, or — when that peer is a proxy the operator listed in TRUST_PROXY — the first
// address in X-Forwarded-For, from the right, that is not such a proxy.
import dc from "node:diagnostics_channel";
import net from "node:net";
import type { IncomingMessage } from "node:http";

/** The header the server's stamp sets (whatever the client sent under this name is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-pos-client-address";

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
const family = (address: string) => (net.isIPv6(address) ? "ipv6" : "ipv4");

/** TRUST_PROXY: addresses and networks of the reverse proxies in front, e.g. "127.0.0.1, 10.0.0.0/8". */
export function parseTrustedProxies(value: string | undefined): net.BlockList {
  const list = new net.BlockList();
  for (const item of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, prefix] = item.split("/");
    if (!net.isIP(address) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`TRUST_PROXY: «${item}» — не IP-адрес и не сеть (пример: TRUST_PROXY=127.0.0.1,10.0.0.0/8)`);
    }
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  return list;
}

const isTrusted = (trusted: net.BlockList, address: string) => net.isIP(address) !== 0 && trusted.check(address, family(address));

/** The client's address from the socket's peer and the X-Forwarded-For it brought. */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: net.BlockList): string {
  let address = plain(socketAddress ?? "unknown");
  if (!isTrusted(trusted, address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((h) => plain(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i];
    if (!isTrusted(trusted, address)) return address;
  }
  return address;
}

/**
 * Stamps every request this process's HTTP server receives (node:diagnostics_channel runs the
 * subscriber before the server's "request" event). Once per process; throws on a bad TRUST_PROXY,
 * so the server refuses to start rather than trust the wrong hop.
 */
export function stampClientAddresses(env: NodeJS.ProcessEnv = process.env): void {
  const g = globalThis as typeof globalThis & { __posClientAddressStamp?: boolean };
  if (g.__posClientAddressStamp) return;
  const trusted = parseTrustedProxies(env.TRUST_PROXY);
  dc.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: net.Socket };
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
  });
  g.__posClientAddressStamp = true;
}

/** The client's address of a request the server stamped; "unknown" for one it did not. */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
