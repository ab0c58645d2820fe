/**
 * The HAProxy configuration in front of the server instances (HAProxy 2.6, Debian 12's package).
 *
 * @example
 *   writeFileSync('haproxy.cfg', haproxyConfig({ port: 3000, instancePorts: [3001, 3002, 3003] }));
 */
export function haproxyConfig(opts: { port: number; instancePorts: number[]; host?: string }): string {
  const host = opts.host ?? '127.0.0.1';
  const servers = opts.instancePorts.map((p, i) => `  server s${i + 1} 127.0.0.1:${p}`);
  return `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 30s
  timeout http-request 10s
  timeout http-keep-alive 10s
  timeout queue 10s
  # A WebSocket is a tunnel after the upgrade and may stay quiet for a long time.
  timeout tunnel 1h
  timeout client-fin 5s
  # A request that never reached an instance (connection refused) goes to another: always safe.
  retries 3
  option redispatch 1

frontend platform
  bind ${host}:${opts.port}
  # The instances trust X-Forwarded-For from 127.0.0.1 only (TRUST_PROXY); a client's own header is
  # replaced, never appended to, so it cannot pose as another address.
  http-request del-header x-forwarded-for
  option forwardfor
  use_backend realtime if { hdr(upgrade) -i websocket }
  default_backend instances

backend instances
  # The instance with the fewest requests in hand gets the next one.
  balance leastconn
  option httpchk GET /readyz
  http-check expect status 200
  # A refused connection marks an instance down at once (a crashed process); a busy one whose
  # /readyz waits behind queries for a pool connection is given 5 s and three checks before it is.
  timeout check 5s
  # At most 24 requests at a time per instance (its pool has 10 database connections): the rest wait
  # in HAProxy's queue, so an instance under a burst keeps answering quickly, /readyz included.
  default-server maxconn 24 check inter 2s fastinter 1s downinter 1s rise 2 fall 3 observe layer4 error-limit 1 on-error mark-down
  # Replaying a request that an instance may have started is safe only when it changes nothing
  # (GET, HEAD, OPTIONS) or when the server deduplicates it (a POST with Idempotency-Key).
  retry-on conn-failure empty-response
  http-request disable-l7-retry unless { method GET HEAD OPTIONS } || { method POST } { req.hdr(idempotency-key) -m found }
${servers.join('\n')}

backend realtime
  # WebSockets stay open for hours, so they must not take the request slots above; they follow the
  # health of the same instances.
  balance leastconn
${opts.instancePorts.map((p, i) => `  server s${i + 1} 127.0.0.1:${p} track instances/s${i + 1}`).join('\n')}
`;
}
