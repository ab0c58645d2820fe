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
  log stderr format short local0 warning

defaults
  mode http
  log global
  option dontlognull
  timeout connect 2s
  timeout client 60s
  timeout server 30s
  timeout http-request 10s
  timeout http-keep-alive 10s
  timeout queue 10s
  # A WebSocket is a tunnel after the upgrade; the client pings or reconnects long before this.
  timeout tunnel 1h
  timeout client-fin 5s

frontend platform
  bind ${host}:${opts.port}
  # The instances trust X-Forwarded-For from 127.0.0.1 only (TRUST_PROXY); a client's own header is
  # replaced, never appended to, so it cannot pose as another address.
  http-request del-header x-forwarded-for
  option forwardfor
  default_backend instances

backend instances
  # Long-lived WebSockets and short requests share the instances: the least busy one gets the next.
  balance leastconn
  option httpchk GET /readyz
  http-check expect status 200
  # A failed connection marks the instance down at once; health checks bring it back.
  default-server check inter 1s fastinter 500ms downinter 1s rise 2 fall 2 observe layer4 error-limit 1 on-error mark-down
  # A request that never reached an instance (connection refused) goes to another: always safe.
  retries 3
  option redispatch 1
  # Replaying a request that an instance may have started is safe only when it changes nothing
  # (GET, HEAD, OPTIONS) or when the server deduplicates it (a POST with Idempotency-Key).
  retry-on conn-failure empty-response
  http-request disable-l7-retry unless { method GET HEAD OPTIONS } || { method POST } { req.hdr(idempotency-key) -m found }
${servers.join('\n')}
`;
}
