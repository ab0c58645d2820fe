import { useQuery } from '@tanstack/react-query';

export type OpenApiOperation = {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
  parameters?: { name: string; in: string; required?: boolean }[];
};
export type OpenApiSpec = {
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
};

/** The server's own OpenAPI document: the documentation cannot drift from the routes. */
export function useOpenApi() {
  return useQuery({
    queryKey: ['openapi'],
    queryFn: async ({ signal }) => (await (await fetch('/api/openapi.json', { signal })).json()) as OpenApiSpec,
    staleTime: Infinity,
  });
}
