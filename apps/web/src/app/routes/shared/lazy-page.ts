import { lazy, type ComponentType } from 'react';

/**
 * One named page of a module, loaded when first opened: a portal's less used page groups (stock,
 * finance, planning, messages) stay out of its first download, and each group's module loads once.
 * Typed as the module's own export, so its props are checked where the page is used.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const page = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<object> }));
  return page as unknown as M[K];
}
