import type { BackgroundLoop } from './events/subscribers.ts';

/**
 * A background loop that runs `pass` when poked (new work just committed here) and every
 * `intervalMs` (work committed elsewhere, or left by a crash). `pass` answers whether more work is
 * waiting; the loop then goes on at once, yielding to the event loop between passes so requests are
 * served in between. A poke while a pass runs is remembered, never lost, never run twice at once.
 */
export function pokableLoop(
  name: string,
  intervalMs: number,
  pass: () => Promise<boolean>,
): BackgroundLoop & { poke(): void } {
  let poke: () => void = () => {};
  return {
    name,
    poke: () => poke(),
    start(onError) {
      let running: Promise<void> | null = null;
      let again = false;
      const run = async () => {
        do {
          again = false;
          while (await pass()) await new Promise((r) => setImmediate(r));
        } while (again);
      };
      const tick = () => {
        if (running) {
          again = true;
          return;
        }
        running = run()
          .catch(onError)
          .finally(() => {
            running = null;
          });
      };
      poke = tick;
      const timer = setInterval(tick, intervalMs);
      return async () => {
        clearInterval(timer);
        poke = () => {};
        await running;
      };
    },
  };
}
